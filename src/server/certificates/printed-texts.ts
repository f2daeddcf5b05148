/**
 * Every text a certificate document carries, checked against the detention lexicon. The walk
 * takes every string of the snapshot (or of any document built from it), so a field added
 * later is checked without anyone having to list it here.
 */
import { forbiddenWordsIn } from './forbidden-words.ts';

export interface PrintedText {
  /** Where the text sits, e.g. "issuer.addressLines.1". */
  path: string;
  text: string;
}

export interface RevealingText {
  /** The field, without list positions ("issuer.addressLines"), as the error messages name it. */
  field: string;
  path: string;
  words: string[];
}

export function printedTexts(value: unknown, path = ''): PrintedText[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => printedTexts(v, path === '' ? String(i) : `${path}.${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => printedTexts(v, path === '' ? k : `${path}.${k}`));
  }
  return [];
}

export const fieldOf = (path: string): string =>
  path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');

/** The texts of a document that contain a word of the lexicon; empty when it may be printed. */
export function revealingTexts(document: unknown): RevealingText[] {
  return printedTexts(document)
    .map(({ path, text }) => ({ field: fieldOf(path), path, words: forbiddenWordsIn(text) }))
    .filter((t) => t.words.length > 0);
}
