import { analyseFrench, type Token } from './analyse-french.ts';
import { sameWord } from './same-word.ts';

/** A rubric expression ready to be looked for: its words, without negation particles. */
export interface Phrase {
  text: string;
  tokens: Token[];
  /**
   * A single word names a topic ("devis", "technicien") and is found in a negative sentence
   * too ("vous n'avez pas de devis ?"). Two words or more state something, and a written
   * negation is part of what is stated. A positive phrase is found only where none of its
   * words is negated, so "je peux vous donner" is not found in "je ne peux pas vous donner".
   * A negative phrase is found where its negated words are negated ("je ne peux pas" in
   * "je peux pas"); its other words may be either ("je" in "… pas, je ne peux rien").
   */
  polar: boolean;
  negative: boolean;
}

/** Words of the answer allowed between two words of a phrase: "je vous comprends" for "je comprends". */
export const MAX_GAP = 2;

const HARD_STOPS = new Set(['.', '!', '?', ';', ':', '(', ')']);

export function compilePhrase(text: string): Phrase {
  const tokens = analyseFrench(text).filter((t) => !t.particle && (t.kind !== 'mark' || t.surface === '?'));
  const words = tokens.filter((t) => t.kind !== 'mark');
  const negative = words.some((t) => t.negated);
  return { text, tokens, polar: words.length >= 2 || negative, negative };
}

/** Indexes of the answer tokens where the phrase is found (its first occurrence), or undefined. */
export function findPhrase(answer: readonly Token[], phrase: Phrase): number[] | undefined {
  if (phrase.tokens.length === 0) return undefined;
  for (let start = 0; start < answer.length; start++) {
    const found = matchFrom(answer, phrase, start, 0);
    if (found) return found;
  }
  return undefined;
}

/**
 * Every place the phrase occurs, as the answer tokens it covers: its words, what lies between
 * them, and the negation particles around them ("ne … pas" of "je ne peux pas"), whatever
 * their polarity: the rubric's words are the rubric's words even where they do not count. The
 * grader needs them to tell the answer's own words from the rubric's.
 */
export function phraseOccurrences(answer: readonly Token[], phrase: Phrase): number[][] {
  if (phrase.tokens.length === 0) return [];
  const anyPolarity: Phrase = { ...phrase, polar: false };
  const found: number[][] = [];
  for (let start = 0; start < answer.length; start++) {
    const at = matchFrom(answer, anyPolarity, start, 0);
    if (!at) continue;
    let first = at[0];
    let last = at[at.length - 1];
    while (first > 0 && answer[first - 1].particle) first--;
    while (last + 1 < answer.length && answer[last + 1].particle) last++;
    found.push(Array.from({ length: last - first + 1 }, (_, k) => first + k));
  }
  return found;
}

function samePolarity(answer: Token, term: Token, phrase: Phrase): boolean {
  if (!phrase.polar) return true;
  return phrase.negative ? !term.negated || answer.negated : !answer.negated;
}

function fits(answer: Token, term: Token, phrase: Phrase): boolean {
  return !answer.particle && sameWord(answer, term) && samePolarity(answer, term, phrase);
}

function matchFrom(answer: readonly Token[], phrase: Phrase, at: number, k: number): number[] | undefined {
  if (!fits(answer[at], phrase.tokens[k], phrase)) return undefined;
  if (k === phrase.tokens.length - 1) return [at];
  let gap = 0;
  for (let i = at + 1; i < answer.length && gap <= MAX_GAP; i++) {
    const t = answer[i];
    const rest = matchFrom(answer, phrase, i, k + 1);
    if (rest) return [at, ...rest];
    if (t.kind === 'mark' && HARD_STOPS.has(t.surface)) return undefined;
    if (t.kind !== 'mark' && !t.particle) gap++;
  }
  return undefined;
}
