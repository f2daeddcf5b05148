import { ELISIONS, GLUED_ELISIONS } from './french-words.ts';

export type TokenKind = 'word' | 'number' | 'mark';

export interface RawToken {
  kind: TokenKind;
  /** Lower case, accents kept (the stemmer needs them). Numbers use a dot: "89,90" is "89.90". */
  surface: string;
  /** Without accents or ligatures: what typos and missing accents are compared on. */
  folded: string;
}

/** Punctuation marks are kept as tokens: they end clauses, and "?" tells a question from a statement. */
const TOKEN = /(\d+(?:[.,]\d+)?)|(\p{L}+)(')?|([?!.;:,()«»"–—…])|(€)/gu;

export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/**
 * Splits French text into words, numbers and punctuation marks. Elisions are expanded so that
 * "j'ai", "n'est" and "qu'il" (or "jai", "nest", "quil" typed without the apostrophe) read as
 * "je ai", "ne est", "que il"; hyphens split words
 * ("pouvez-vous"); the euro sign reads as the word "euro".
 */
export function tokeniseFrench(text: string): RawToken[] {
  const flat = text
    .toLocaleLowerCase('fr')
    .normalize('NFC')
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
  const tokens: RawToken[] = [];
  for (const m of flat.matchAll(TOKEN)) {
    const [, number, letters, apostrophe, mark, euro] = m;
    if (number !== undefined) tokens.push({ kind: 'number', surface: number.replace(',', '.'), folded: number.replace(',', '.') });
    else if (mark !== undefined) tokens.push({ kind: 'mark', surface: mark, folded: mark });
    else if (euro !== undefined) tokens.push(word('euro'));
    else if (letters !== undefined && apostrophe) tokens.push(word(expandElision(letters, flat, (m.index ?? 0) + m[0].length)));
    else if (letters !== undefined) tokens.push(...(GLUED_ELISIONS[letters] ?? [letters]).map(word));
  }
  return tokens;
}

function word(surface: string): RawToken {
  return { kind: 'word', surface, folded: foldAccents(surface) };
}

/** "s'" is "si" before il / ils ("s'il vous plaît") and "se" elsewhere ("il s'est passé"). */
function expandElision(letters: string, text: string, next: number): string {
  if (letters === 's') return /^ils?\b/u.test(text.slice(next)) ? 'si' : 'se';
  return ELISIONS[letters] ?? letters;
}
