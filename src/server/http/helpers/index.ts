import { t } from './t.ts';
import { eq } from './eq.ts';
import { formatDate } from './format-date.ts';
import { concat } from './concat.ts';
import { listen } from './listen.ts';

/** Every Handlebars helper, by the name templates call it. One file each. */
export const helpers = { t, eq, formatDate, concat, listen };
