import { describeRubricScore } from '../rubric/describe-rubric-score.ts';
import { scoreRubric, type RubricScore } from '../rubric/score-rubric.ts';
import type { Rubric, Scenario } from '../scenario/types.ts';
import type { CallState } from './call-state.ts';
import { closeTurn, openTurn } from './learner-turn.ts';
import { reject, type Step } from './step.ts';
import { scale } from './tally.ts';
import { settleTimeouts } from './timeouts.ts';

export interface FreeResponseInput {
  turn: number;
  text: string;
}

export const MAX_RESPONSE_LENGTH = 2000;

/**
 * Scores a typed answer against its rubric. The engine's hook for the grader: whatever it finds
 * in `blockingFaults` (blocking forbidden concepts) fails the call.
 */
export type Grader = (rubric: Rubric, answer: string) => RubricScore;

/** The learner types what they would say; the rubric scores it and picks the branch. */
export function applyFreeResponse(scenario: Scenario, state: CallState, input: FreeResponseInput, now: number, grade: Grader = scoreRubric): Step {
  const gate = openTurn(scenario, state, input.turn, now, (s, at) => settleTimeouts(scenario, s, at));
  if (!gate.open) return gate.step;
  const node = gate.node;
  if (node.kind !== 'free') return reject('wrong-turn-kind');
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (text === '') return reject('empty-response');
  if (text.length > MAX_RESPONSE_LENGTH) return reject('response-too-long');
  const score = grade(node.rubric, text);
  const outcome = score.passed ? node.good : node.weak;
  const ratio = score.percent / 100;
  return closeTurn(scenario, gate.state, node, {
    answer: { type: 'free', text, rubric: score },
    points: scale(node.points, ratio),
    competencies: scale(node.competencies, ratio),
    maxPoints: node.points,
    maxCompetencies: node.competencies,
    mood: outcome.mood,
    feedback: [outcome.feedback, describeRubricScore(node.rubric, score)].filter(Boolean).join(' '),
    // A forbidden concept's tag marks the turn like an option's tags do (e.g. "divulgation").
    tags: [...new Set(node.rubric.forbidden.filter((f) => f.tag && score.forbidden.includes(f.label)).map((f) => f.tag as string))],
    blockingFaults: score.blockingFaults,
    next: outcome.next,
  });
}
