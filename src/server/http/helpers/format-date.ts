import type { HelperOptions } from 'handlebars';

// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: 'Europe/Paris' });
    formatters.set(key, f);
  }
  return f;
}

/** {{formatDate iso}}: a date as a French (or English) reader expects it, in Paris time. */
export function formatDate(value: unknown, options: HelperOptions): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const root = options.data?.root as { locale?: string } | undefined;
  const withTime = options.hash?.time === true;
  return formatter(root?.locale === 'en' ? 'en-GB' : 'fr-FR', withTime).format(date);
}
