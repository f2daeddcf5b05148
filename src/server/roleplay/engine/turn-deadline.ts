import type { LearnerNode } from '../scenario/types.ts';
import type { CallState } from './call-state.ts';

/**
 * Epoch ms when a turn's silence fires: the authored limit times the learner's time factor,
 * counted from when the customer stopped speaking. null when the turn has no limit or the
 * learner has none ("sans limite").
 */
export function turnDeadline(state: Pick<CallState, 'turnStartedAt' | 'timeFactor'>, node: LearnerNode): number | null {
  if (!node.timeLimit || state.timeFactor === null) return null;
  const factor = typeof state.timeFactor === 'number' && state.timeFactor > 0 ? state.timeFactor : 1;
  return state.turnStartedAt + Math.round(node.timeLimit.seconds * 1000 * factor);
}
