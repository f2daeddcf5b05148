import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { searchKey } from '../text/search-key.ts';

/** A class list saved from a spreadsheet is small: 200 people fit in a few kilobytes. */
export const ACCOUNT_CSV_MAX_BYTES = 64 * 1024;

export type CsvListResult = { ok: true; text: string; rows: number } | { ok: false; key: 'fileFormat' | 'fileEmpty' };

type Column = 'first' | 'last' | 'full' | 'login';

/** Header words a French or English spreadsheet uses, folded (no accents, lower case). */
const HEADERS: Record<string, Column> = {
  prenom: 'first',
  'first name': 'first',
  firstname: 'first',
  nom: 'last',
  'nom de famille': 'last',
  'last name': 'last',
  lastname: 'last',
  surname: 'last',
  'nom complet': 'full',
  'prenom nom': 'full',
  'nom prenom': 'full',
  'nom et prenom': 'full',
  'prenom et nom': 'full',
  stagiaire: 'full',
  name: 'full',
  'full name': 'full',
  identifiant: 'login',
  login: 'login',
  'nom d utilisateur': 'login',
  username: 'login',
};

/**
 * French spreadsheets save CSV in Windows-1252 unless told otherwise, and in UTF-8 with a BOM
 * when they are: both must give "Hélène", not "HÃ©lÃ¨ne".
 */
function decode(data: Buffer): string | null {
  if (data.includes(0)) return null; // a binary file (an .xlsx, an image), not a CSV
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    // Not TextDecoder: Node 20 decodes 'windows-1252' as Latin-1, which loses "œ" and "€".
    return iconv.decode(data, 'win1252');
  }
}

/** The separator of the first line: French spreadsheets use ";", others "," or a tab. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ';';
}

const headerColumn = (cell: string): Column | undefined => HEADERS[searchKey(cell).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim()];

/** A cell as one line of the list: no ";" (it separates the login), spaces collapsed. */
const clean = (cell: string | undefined) => (cell ?? '').replace(/[;\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Turns a spreadsheet's CSV export into the pasted-list format ("Prénom Nom" or
 * "Prénom Nom ; identifiant", one a line), so that a file and a paste go through the same
 * preview and the same checks. A first row of headers (Prénom, Nom, Identifiant…) says which
 * column is which; without one, the first column is the name and the second the login.
 */
export function listFromCsv(data: Buffer): CsvListResult {
  const text = decode(data);
  if (text === null) return { ok: false, key: 'fileFormat' };
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, trim: true }) as string[][];
  } catch {
    return { ok: false, key: 'fileFormat' };
  }
  rows = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) return { ok: false, key: 'fileEmpty' };

  const headerCells = (rows[0] ?? []).map(headerColumn);
  const hasHeader = headerCells.some((c) => c !== undefined) && headerCells.every((c, i) => c !== undefined || (rows[0]?.[i] ?? '').trim() === '');
  const columns = new Map<Column, number>();
  if (hasHeader) {
    headerCells.forEach((c, i) => c && !columns.has(c) && columns.set(c, i));
    // A lone "Nom" column holds the whole name.
    if (columns.has('last') && !columns.has('first') && !columns.has('full')) columns.set('full', columns.get('last') as number);
  }
  else {
    columns.set('full', 0);
    columns.set('login', 1);
  }
  const body = hasHeader ? rows.slice(1) : rows;
  if (body.length === 0) return { ok: false, key: 'fileEmpty' };

  const cell = (row: string[], c: Column) => (columns.has(c) ? clean(row[columns.get(c) as number]) : '');
  const lines = body.map((row) => {
    const name = cell(row, 'full') || [cell(row, 'first'), cell(row, 'last')].filter(Boolean).join(' ');
    const login = cell(row, 'login');
    return login ? `${name} ; ${login}` : name;
  });
  return { ok: true, text: lines.join('\n'), rows: lines.length };
}
