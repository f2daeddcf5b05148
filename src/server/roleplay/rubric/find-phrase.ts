import { analyseFrench, type Token } from './analyse-french.ts';
import { sameWord } from './same-word.ts';

/** A rubric expression ready to be looked for: its words, without negation particles. */
export interface Phrase {
  text: string;
  tokens: Token[];
  /**
   * A single word names a topic ("devis", "technicien") and is found in a negative sentence
   * too ("vous n'avez pas de devis ?"). Two words or more state something, and a written
   * negation is part of what is stated: then each word must have the same polarity in the
   * answer as in the phrase, so "je peux vous donner" is not found in "je ne peux pas vous
   * donner", and "je ne peux pas" is found in "je peux pas".
   */
  polar: boolean;
}

/** Words of the answer allowed between two words of a phrase: "je vous comprends" for "je comprends". */
export const MAX_GAP = 2;

const HARD_STOPS = new Set(['.', '!', '?', ';', ':', '(', ')']);

export function compilePhrase(text: string): Phrase {
  const tokens = analyseFrench(text).filter((t) => !t.particle && (t.kind !== 'mark' || t.surface === '?'));
  const words = tokens.filter((t) => t.kind !== 'mark');
  return { text, tokens, polar: words.length >= 2 || words.some((t) => t.negated) };
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

/** Every place the phrase occurs: the grader needs them to tell the answer's own words from the rubric's. */
export function phraseOccurrences(answer: readonly Token[], phrase: Phrase): number[][] {
  if (phrase.tokens.length === 0) return [];
  const found: number[][] = [];
  for (let start = 0; start < answer.length; start++) {
    const at = matchFrom(answer, phrase, start, 0);
    if (at) found.push(at);
  }
  return found;
}

function fits(answer: Token, term: Token, polar: boolean): boolean {
  return !answer.particle && sameWord(answer, term) && (!polar || answer.negated === term.negated);
}

function matchFrom(answer: readonly Token[], phrase: Phrase, at: number, k: number): number[] | undefined {
  if (!fits(answer[at], phrase.tokens[k], phrase.polar)) return undefined;
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
