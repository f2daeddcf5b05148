import { clampMood } from '../scenario/mood.ts';
import type { BlockingFault, LearnerNode, Points, Scenario } from '../scenario/types.ts';
import { advance } from './advance.ts';
import type { CallState, LearnerAnswer } from './call-state.ts';
import { reject, type Step } from './step.ts';
import { addToTallies } from './tally.ts';

export type OpenTurn = { open: true; state: CallState; node: LearnerNode } | { open: false; step: Step };

/**
 * Common gate of every learner input: the call must be running, the input must carry the
 * current turn number, and silences that ran out before `now` are played first.
 */
export function openTurn(scenario: Scenario, state: CallState, turn: number, now: number, settle: (s: CallState, at: number) => CallState): OpenTurn {
  if (state.ended) return { open: false, step: reject('call-ended') };
  if (!Number.isInteger(turn) || turn !== state.turn) return { open: false, step: reject('stale-turn') };
  const at = Math.max(now, state.lastAt);
  const settled = settle(state, at);
  if (settled.turn !== state.turn || settled.ended) return { open: false, step: { ok: true, state: settled, applied: false } };
  const node = scenario.nodes[settled.node];
  if (!node || (node.kind !== 'choice' && node.kind !== 'free')) return { open: false, step: reject('wrong-turn-kind') };
  return { open: true, state: { ...settled, lastAt: at }, node };
}

export interface TurnResult {
  answer: LearnerAnswer;
  points: Points;
  competencies: Points;
  maxPoints: Points;
  maxCompetencies: Points;
  mood: number;
  feedback: string;
  tags: string[];
  /** Faults that fail the call whatever its points (a blocking forbidden concept in a typed answer). */
  blockingFaults?: BlockingFault[];
  next: string;
}

/** Records a played learner turn, scores it, and moves the call to its next node. */
export function closeTurn(scenario: Scenario, state: CallState, node: LearnerNode, result: TurnResult): Step {
  const mood = clampMood(state.mood + result.mood);
  const recorded: CallState = {
    ...state,
    mood,
    turn: state.turn + 1,
    phaseScores: addToTallies(state.phaseScores, result.points, result.maxPoints),
    competencyScores: addToTallies(state.competencyScores, result.competencies, result.maxCompetencies),
    transcript: [
      ...state.transcript,
      {
        kind: 'learner', node: node.id, phase: node.phase, atMs: state.lastAt - state.startedAt, turn: state.turn,
        answer: result.answer, points: result.points, competencies: result.competencies,
        maxPoints: result.maxPoints, maxCompetencies: result.maxCompetencies,
        mood, feedback: result.feedback, tags: result.tags,
        ...(result.blockingFaults?.length ? { blockingFaults: result.blockingFaults } : {}),
      },
    ],
  };
  return { ok: true, state: advance(scenario, recorded, result.next, state.lastAt), applied: true };
}
