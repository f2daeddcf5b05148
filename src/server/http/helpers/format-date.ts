import type { HelperOptions } from 'handlebars';

// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, withTime: boolean, short: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}|${short}`;
  let f = formatters.get(key);
  if (!f) {
    // short: "12 nov." for tight tables (the full date goes in a title).
    const style: Intl.DateTimeFormatOptions = short ? { day: 'numeric', month: 'short' } : { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}) };
    f = new Intl.DateTimeFormat(locale, { ...style, timeZone: 'Europe/Paris' });
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
  return formatter(root?.locale === 'en' ? 'en-GB' : 'fr-FR', withTime, options.hash?.short === true).format(date);
}
