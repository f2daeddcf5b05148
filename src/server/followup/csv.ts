/**
 * CSV as French spreadsheets open it: UTF-8 with a byte-order mark, ';' between fields, CRLF
 * line ends (RFC 4180), fields quoted when they hold a separator, a quote or a line break.
 */
const BOM = '\uFEFF';

function cell(value: string | number): string {
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet: keep it text.
  if (/^[=+@]|^-(?!\d)/.test(text)) text = `'${text}`;
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
