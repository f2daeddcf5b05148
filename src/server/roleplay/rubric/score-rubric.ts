import type { BlockingFault, Rubric, RubricElement } from '../scenario/types.ts';
import { analyseFrench, type Token } from './analyse-french.ts';
import { compilePhrase, findPhrase, phraseOccurrences, type Phrase } from './find-phrase.ts';
import { whyNotASentence, type NotASentence } from './sentence-check.ts';

export interface RubricScore {
  /** 0..100 */
  percent: number;
  passed: boolean;
  found: string[];
  missing: string[];
  avoided: string[];
  /** Labels of the forbidden concepts the answer contains. */
  forbidden: string[];
  /** The blocking ones among them: the engine fails the call on any. */
  blockingFaults: BlockingFault[];
  politeness: string[];
  words: number;
  lengthOk: boolean;
  /** Set when the answer is a list of words rather than sentences (see sentence-check.ts). */
  notASentence?: NotASentence;
}

/** Share of the score taken by each part; parts a rubric does not use are left out. */
const WEIGHT = { required: 70, politeness: 15, length: 15 } as const;
/** Each distinct expression to avoid, or forbidden concept, costs this many percentage points. */
const AVOID_PENALTY = 25;
/** A keyword list scores at most this, whatever words it holds. */
export const KEYWORD_LIST_CAP = 20;

const phrases = new Map<string, Phrase>();
function phrase(text: string): Phrase {
  let compiled = phrases.get(text);
  if (!compiled) phrases.set(text, (compiled = compilePhrase(text)));
  return compiled;
}

/** The answer tokens where the first expression of the list that occurs is found. */
function firstMatch(tokens: readonly Token[], terms: readonly string[]): number[] | undefined {
  for (const term of terms) {
    const at = findPhrase(tokens, phrase(term));
    if (at) return at;
  }
  return undefined;
}

/** Indexes of the answer words that are the rubric's own words: every occurrence of every expected expression. */
function rubricWords(tokens: readonly Token[], rubric: Rubric): Set<number> {
  const terms = [...rubric.required.flatMap((el) => el.anyOf), ...rubric.politeness];
  return new Set(terms.flatMap((term) => phraseOccurrences(tokens, phrase(term)).flat()));
}

/** Scores a free response against a rubric. Pure. */
export function scoreRubric(rubric: Rubric, answer: string): RubricScore {
  const tokens = analyseFrench(answer);
  const has = (el: RubricElement): boolean => firstMatch(tokens, el.anyOf) !== undefined;
  const found = rubric.required.filter(has).map((el) => el.label);
  const missing = rubric.required.filter((el) => !has(el)).map((el) => el.label);
  const forbiddenFound = rubric.forbidden.filter(has);
  const avoided = rubric.avoid.filter((term) => findPhrase(tokens, phrase(term)) !== undefined);
  const politeness = rubric.politeness.filter((term) => findPhrase(tokens, phrase(term)) !== undefined);
  const words = tokens.filter((t) => t.kind !== 'mark').length;
  const lengthOk = (rubric.minWords === undefined || words >= rubric.minWords) && (rubric.maxWords === undefined || words <= rubric.maxWords);
  const notASentence = words === 0 ? undefined : whyNotASentence(tokens, rubricWords(tokens, rubric));

  const parts: Array<[number, number]> = [[WEIGHT.required, rubric.required.length === 0 ? 1 : found.length / rubric.required.length]];
  if (rubric.politeness.length > 0) parts.push([WEIGHT.politeness, politeness.length > 0 ? 1 : 0]);
  if (rubric.minWords !== undefined || rubric.maxWords !== undefined) parts.push([WEIGHT.length, lengthOk ? 1 : 0]);
  const totalWeight = parts.reduce((sum, [w]) => sum + w, 0);
  const base = (parts.reduce((sum, [w, ratio]) => sum + w * ratio, 0) / totalWeight) * 100;
  const penalised = Math.max(0, Math.round(base - AVOID_PENALTY * (avoided.length + forbiddenFound.length)));
  const percent = words === 0 ? 0 : notASentence ? Math.min(penalised, KEYWORD_LIST_CAP) : penalised;
  const blockingFaults = forbiddenFound.filter((el) => el.blocking).map((el): BlockingFault => (el.tag ? { label: el.label, tag: el.tag } : { label: el.label }));
  return {
    percent,
    passed: percent >= rubric.pass && blockingFaults.length === 0 && !notASentence,
    found,
    missing,
    avoided,
    forbidden: forbiddenFound.map((el) => el.label),
    blockingFaults,
    politeness,
    words,
    lengthOk,
    ...(notASentence ? { notASentence } : {}),
  };
}
