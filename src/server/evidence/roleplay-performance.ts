/**
 * Role-play performance: number of calls, average per phase, progress between the first and
 * the last call. Pure. A call is one registration; its closing statement (completed, passed or
 * failed on the role-play item) carries the overall score and the per-phase scores.
 */
import type { Statement } from '../../lrs/index.ts';
import { ACTIVITY_TYPES } from '../xapi/vocabulary.ts';
import { isOurs, objectType, phaseScores, RESULT_VERBS, registration, scaledScore, timestampOf, verbId } from './statement-fields.ts';

export interface CallResult {
  registration: string;
  at: string;
  scaled: number | null;
}

export interface RoleplayPerformance {
  calls: number;
  averageScaled: number | null;
  phases: Array<{ phase: string; averageScaled: number; calls: number }>;
  first: CallResult | null;
  last: CallResult | null;
  /** last.scaled - first.scaled; null with fewer than two scored calls. */
  progress: number | null;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const mean = (values: number[]): number | null => (values.length === 0 ? null : round3(values.reduce((a, b) => a + b, 0) / values.length));

function isCallEnd(s: Statement): boolean {
  if (!isOurs(s) || !RESULT_VERBS.has(verbId(s))) return false;
  return objectType(s) === ACTIVITY_TYPES.roleplay || phaseScores(s).size > 0;
}

export function roleplayPerformance(statements: readonly Statement[]): RoleplayPerformance {
  // One closing statement per registration: the latest, should a call be closed twice.
  const byCall = new Map<string, Statement>();
  for (const s of statements) {
    if (!isCallEnd(s)) continue;
    const key = registration(s) ?? String(s.id);
    const previous = byCall.get(key);
    if (!previous || timestampOf(previous) <= timestampOf(s)) byCall.set(key, s);
  }
  const calls = [...byCall.entries()]
    .map(([key, s]) => ({ registration: key, at: timestampOf(s), scaled: scaledScore(s), phases: phaseScores(s) }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const phaseValues = new Map<string, number[]>();
  for (const call of calls) for (const [phase, score] of call.phases) phaseValues.set(phase, [...(phaseValues.get(phase) ?? []), score]);
  const scored = calls.filter((c) => c.scaled !== null);
  const strip = (c: (typeof calls)[number] | undefined): CallResult | null => (c ? { registration: c.registration, at: c.at, scaled: c.scaled } : null);
  const first = scored[0];
  const last = scored.at(-1);
  return {
    calls: calls.length,
    averageScaled: mean(scored.map((c) => c.scaled as number)),
    phases: [...phaseValues.entries()].map(([phase, values]) => ({ phase, averageScaled: mean(values) as number, calls: values.length })),
    first: strip(first),
    last: strip(last),
    progress: first && last && scored.length >= 2 ? round3((last.scaled as number) - (first.scaled as number)) : null,
  };
}
