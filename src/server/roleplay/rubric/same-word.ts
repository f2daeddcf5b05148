import { distance } from 'fastest-levenshtein';
import type { Token } from './analyse-french.ts';
import { isKnownFrenchWord } from './known-french-word.ts';

/**
 * Typos a trainer forgives, on accent-folded words: one wrong, missing or extra letter from
 * 5 letters on, two from 9 on. Shorter words must be exact, or "pas" would match "par".
 * The first letter must agree: a slip rarely hits it, and it keeps "voyant" from "noyant".
 * And the word typed must not be a French word of its own ("regard" is not a typo of
 * "retard", "datte" not one of "date"): see closeEnough.
 */
export function typoTolerance(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** `answer` (the learner's word) is `term` (the rubric's) with a typo. Both accent-folded. */
function closeEnough(answer: string, term: string): boolean {
  if (answer[0] !== term[0]) return false;
  const tolerance = typoTolerance(Math.min(answer.length, term.length));
  if (tolerance === 0 || Math.abs(answer.length - term.length) > tolerance || distance(answer, term) > tolerance) return false;
  // A real word one letter away says something else: "regard" for "retard", "dette" for
  // "date". Only a string that is no French word is read as the rubric's word misspelt.
  return !isKnownFrenchWord(answer);
}

/**
 * Whether a word of the answer is the rubric's word: the same Snowball stem ("remboursée",
 * "rembourser"), the same word without accents ("verifie"), or the same word with a typo
 * ("connextion", "acquitée"). Numbers match on their whole part ("89" finds "89,90").
 */
export function sameWord(answer: Token, term: Token): boolean {
  if (answer.kind !== term.kind) return false;
  if (answer.kind === 'mark') return answer.surface === term.surface;
  if (answer.kind === 'number') return answer.surface === term.surface || answer.surface.startsWith(`${term.surface}.`);
  if (answer.folded === term.folded) return true;
  if (answer.stems.some((s) => term.stems.includes(s))) return true;
  if (closeEnough(answer.folded, term.folded)) return true;
  // A stem the stemmer left one letter longer for a word typed without accents
  // ("remboursee" → "rembourse", "remboursement" → "rembours"). Not any one-letter difference:
  // "regard" and "retard" are two words.
  return answer.stems.some((a) => term.stems.some((t) => Math.min(a.length, t.length) >= 5 && Math.abs(a.length - t.length) === 1 && (a.startsWith(t) || t.startsWith(a))));
}
