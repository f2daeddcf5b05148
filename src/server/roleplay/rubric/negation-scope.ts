import { CLAUSE_BREAK_WORDS, NEGATION_AFTER_NE, NEGATION_AFTER_VERB, NEGATION_ALONE, NEGATION_NE, SUBJECT_PRONOUNS } from './french-words.ts';
import type { RawToken } from './tokenise-french.ts';

export interface Polarity {
  /** Inside a negative clause: "peux" and "donner" in "je ne peux pas vous donner". */
  negated: boolean;
  /** A negation word itself (ne, pas, jamais, sans…): phrase matching steps over it. */
  particle: boolean;
}

const breaksClause = (t: RawToken): boolean => t.kind === 'mark' || (t.kind === 'word' && CLAUSE_BREAK_WORDS.has(t.folded));

/**
 * Marks which words a negation covers. A clause runs up to the next punctuation mark or
 * linking word (mais, et, car, que…). In it, negation starts at "ne" / "n'" when a second part
 * follows (pas, plus, jamais, rien, aucun…), or at a second part used alone: "sans", "aucun",
 * "rien", and "pas" / "jamais" after the verb they negate ("je peux pas" negates "peux").
 * It covers the rest of the clause: in "je ne peux pas vous donner son adresse", "peux",
 * "vous", "donner", "son" and "adresse" are negated and "je" is not. "ne … que" (only) is
 * not a negation. Pure; answers and rubric phrases go through the same function, so a
 * phrase written with a negation matches the same negation however it is typed.
 */
export function negationScope(tokens: readonly RawToken[]): Polarity[] {
  const result: Polarity[] = tokens.map(() => ({ negated: false, particle: false }));
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || breaksClause(tokens[i])) {
      markClause(tokens, result, start, i);
      start = i + 1;
    }
  }
  return result;
}

function markClause(tokens: readonly RawToken[], result: Polarity[], from: number, to: number): void {
  const word = (i: number): string => (tokens[i].kind === 'word' ? tokens[i].folded : '');
  const ne = indexIn(from, to, (i) => NEGATION_NE.has(word(i)));
  const secondAfterNe = ne < 0 ? -1 : indexIn(ne + 1, to, (i) => NEGATION_AFTER_NE.has(word(i)));
  let scopeStart = -1;
  if (secondAfterNe >= 0) {
    scopeStart = ne;
    for (let i = ne; i < to; i++) if (NEGATION_NE.has(word(i)) || NEGATION_AFTER_NE.has(word(i))) result[i].particle = true;
  } else {
    const alone = indexIn(from, to, (i) => NEGATION_ALONE.has(word(i)));
    if (alone >= 0) {
      const verbBefore = NEGATION_AFTER_VERB.has(word(alone)) && alone > from && tokens[alone - 1].kind === 'word' && !SUBJECT_PRONOUNS.has(word(alone - 1));
      scopeStart = verbBefore ? alone - 1 : alone;
      for (let i = alone; i < to; i++) if (NEGATION_ALONE.has(word(i))) result[i].particle = true;
    }
    // "ne … que" restricts, it does not negate: "ne" alone is stepped over.
    if (ne >= 0) result[ne].particle = true;
  }
  if (scopeStart >= 0) for (let i = scopeStart; i < to; i++) result[i].negated = true;
}

function indexIn(from: number, to: number, test: (i: number) => boolean): number {
  for (let i = from; i < to; i++) if (test(i)) return i;
  return -1;
}
