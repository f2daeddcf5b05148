import type { HelperOptions } from 'handlebars';
import { translator, isLocale, DEFAULT_LOCALE } from '../../i18n/catalogue.ts';

/** {{t "area.key" name=value}}: the text for the page's locale (res.locals.locale). */
export function t(key: string, options: HelperOptions): string {
  const root = options.data?.root as { locale?: unknown } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  return translator(locale)(key, options.hash as Record<string, unknown>);
}
