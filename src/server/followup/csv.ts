/**
 * CSV as French spreadsheets open it: UTF-8 with a byte-order mark, ';' between fields, CRLF
 * line ends (RFC 4180), fields quoted when they hold a separator, a quote or a line break.
 */
const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would read as a formula (OWASP "CSV injection": a leading = + - @,
 * tab or carriage return) gets a leading quote, so it stays text. Even "-2+3" is one: a display
 * name like `-2+3+cmd|' /C calc'!A0` runs a command. Numbers are written by the app, never typed
 * by a user, so they stay numbers (a negative score or duration keeps its minus).
 */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return BOM + [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** A file name safe in a Content-Disposition header. */
export function csvFileName(...parts: string[]): string {
  const base = parts.join('-').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'export'}.csv`;
}
