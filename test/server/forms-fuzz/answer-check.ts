/**
 * What the fuzz accepts as an answer to a bad body: a page (HTML), a redirect, or a download,
 * with a status under 500; and on an error page, text from the catalogue, not a bare key.
 */
import type request from 'supertest';
import { cheerio } from '../../helpers/app.ts';

/** A catalogue key shown as it is (`errors.required`, `admin.users.errors.x`) means a missing or untranslated message. */
const BARE_KEY = /\b(?:accounts|adaptations|admin|authoring|calls|certificates|cohorts|errors|followup|home|layout|learning|speech|verifysite)\.[a-z]\w*(?:\.\w+)*\b/;

/** Null when the answer is acceptable, else what is wrong with it. */
export function answerProblem(res: request.Response): string | null {
  if (res.status >= 500) return `answered ${res.status}`;
  if (res.status >= 300 && res.status < 400) return res.headers.location ? null : `answered ${res.status} without a Location`;
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('text/html')) {
    if (res.status < 400) return null;
    const text = cheerio.load(res.text)('main').text() || cheerio.load(res.text)('body').text();
    const key = text.match(BARE_KEY)?.[0];
    return key ? `answered ${res.status} with the bare key "${key}"` : null;
  }
  if (res.status < 300 && res.headers['content-disposition']) return null;
  return `answered ${res.status} ${type || 'without a type'}, neither a page nor a redirect`;
}
