import type { HelperOptions } from 'handlebars';

/** {{formatDate iso}}: a date as a French (or English) reader expects it, in Paris time. */
export function formatDate(value: unknown, options: HelperOptions): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const root = options.data?.root as { locale?: string } | undefined;
  const withTime = options.hash?.time === true;
  return new Intl.DateTimeFormat(root?.locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Paris',
  }).format(date);
}
