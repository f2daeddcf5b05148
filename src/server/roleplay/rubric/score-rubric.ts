import type { Rubric } from '../scenario/types.ts';
import { containsPhrase, frenchTokens } from './normalise-french.ts';

export interface RubricScore {
  /** 0..100 */
  percent: number;
  passed: boolean;
  found: string[];
  missing: string[];
  avoided: string[];
  politeness: string[];
  words: number;
  lengthOk: boolean;
}

/** Share of the score taken by each part; parts a rubric does not use are left out. */
const WEIGHT = { required: 70, politeness: 15, length: 15 } as const;
/** Each distinct expression to avoid costs this many percentage points. */
const AVOID_PENALTY = 25;

/** Scores a free response against a rubric. Pure. */
export function scoreRubric(rubric: Rubric, answer: string): RubricScore {
  const tokens = frenchTokens(answer);
  const text = tokens.join(' ');
  const has = (term: string): boolean => containsPhrase(text, frenchTokens(term).join(' '));

  const found = rubric.required.filter((el) => el.anyOf.some(has)).map((el) => el.label);
  const missing = rubric.required.filter((el) => !el.anyOf.some(has)).map((el) => el.label);
  const avoided = rubric.avoid.filter(has);
  const politeness = rubric.politeness.filter(has);
  const words = tokens.length;
  const lengthOk = (rubric.minWords === undefined || words >= rubric.minWords) && (rubric.maxWords === undefined || words <= rubric.maxWords);

  const parts: Array<[number, number]> = [[WEIGHT.required, rubric.required.length === 0 ? 1 : found.length / rubric.required.length]];
  if (rubric.politeness.length > 0) parts.push([WEIGHT.politeness, politeness.length > 0 ? 1 : 0]);
  if (rubric.minWords !== undefined || rubric.maxWords !== undefined) parts.push([WEIGHT.length, lengthOk ? 1 : 0]);
  const totalWeight = parts.reduce((sum, [w]) => sum + w, 0);
  const base = parts.reduce((sum, [w, ratio]) => sum + w * ratio, 0) / totalWeight * 100;
  const percent = words === 0 ? 0 : Math.max(0, Math.round(base - AVOID_PENALTY * avoided.length));
  return { percent, passed: percent >= rubric.pass, found, missing, avoided, politeness, words, lengthOk };
}

/** French feedback the learner reads right after a free response. */
export function describeRubricScore(rubric: Rubric, score: RubricScore): string {
  const lines: string[] = [];
  if (score.found.length > 0) lines.push(`Bien : vous avez parlé de ${score.found.join(', ')}.`);
  if (score.missing.length > 0) lines.push(`Il manquait : ${score.missing.join(', ')}.`);
  if (score.avoided.length > 0) lines.push(`À éviter : ${score.avoided.map((t) => `« ${t} »`).join(', ')}.`);
  if (rubric.politeness.length > 0 && score.politeness.length === 0) lines.push('Pensez à une marque de politesse (madame, monsieur, merci, s’il vous plaît…).');
  if (!score.lengthOk) {
    lines.push(rubric.minWords !== undefined && score.words < rubric.minWords ? 'Votre réponse est trop courte.' : 'Votre réponse est trop longue : allez à l’essentiel.');
  }
  return lines.join(' ');
}
