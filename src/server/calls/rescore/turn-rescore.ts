/**
 * A trainer's score of one typed (free-text) answer of a finished call, and how it changes the
 * call. Pure. The trainer's percent replaces the rubric's: the answer then earns that share of
 * the points and competency points the turn offered. The branch the call took is not replayed
 * (the customer already answered), only the scores change.
 */
import type { CallState, TranscriptEntry } from '../../roleplay/engine/call-state.ts';
import { addToTallies, scale } from '../../roleplay/engine/tally.ts';
import type { Points } from '../../roleplay/scenario/types.ts';

export interface TurnRescore {
  id: string;
  registration: string;
  /** The turn number of the typed answer (the engine's entry.turn, the xAPI turn extension). */
  turn: number;
  /** 0..100, a whole number. */
  percent: number;
  reviewerId: string;
  /** 1, 2… per call: each effective change is a new revision; the highest one is in effect. */
  revision: number;
  createdAt: string;
}

type TypedEntry = Extract<TranscriptEntry, { kind: 'learner' }> & { answer: { type: 'free' } };

const isTyped = (entry: TranscriptEntry): entry is TypedEntry => entry.kind === 'learner' && entry.answer.type === 'free';

/** The typed answers of a call, by turn: what a trainer may re-score. */
export function typedTurns(state: CallState): Map<number, { text: string; percent: number }> {
  const turns = new Map<number, { text: string; percent: number }>();
  for (const entry of state.transcript) if (isTyped(entry)) turns.set(entry.turn, { text: entry.answer.text, percent: entry.answer.rubric.percent });
  return turns;
}

/** The trainer's score in effect for each turn: the one of the highest revision. */
export function latestByTurn(rescores: readonly TurnRescore[]): Map<number, TurnRescore> {
  const latest = new Map<number, TurnRescore>();
  for (const r of rescores) {
    const previous = latest.get(r.turn);
    if (!previous || previous.revision < r.revision) latest.set(r.turn, r);
  }
  return latest;
}

const difference = (after: Points, before: Points): Points =>
  Object.fromEntries([...new Set([...Object.keys(after), ...Object.keys(before)])].map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));

/** The call as the trainer scored it: typed answers earn the trainer's percent, tallies follow. */
export function applyRescores(state: CallState, rescores: readonly TurnRescore[]): CallState {
  const latest = latestByTurn(rescores);
  if (latest.size === 0) return state;
  let phaseScores = state.phaseScores;
  let competencyScores = state.competencyScores;
  const transcript = state.transcript.map((entry) => {
    const rescore = isTyped(entry) ? latest.get(entry.turn) : undefined;
    if (!rescore || !isTyped(entry)) return entry;
    const ratio = rescore.percent / 100;
    const points = scale(entry.maxPoints, ratio);
    const competencies = scale(entry.maxCompetencies, ratio);
    phaseScores = addToTallies(phaseScores, difference(points, entry.points), {});
    competencyScores = addToTallies(competencyScores, difference(competencies, entry.competencies), {});
    return { ...entry, points, competencies, answer: { ...entry.answer, rubric: { ...entry.answer.rubric, percent: rescore.percent } } };
  });
  return { ...state, transcript, phaseScores, competencyScores };
}
