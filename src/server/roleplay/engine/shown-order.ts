import { seededPermutation } from '../../seeded-shuffle.ts';
import type { ChoiceNode } from '../scenario/types.ts';
import type { CallState } from './call-state.ts';

/**
 * The lines of a choice turn in the order this call shows them, as indices among the turn's
 * said options. Authors tend to write the best line first; each call shuffles them, from its
 * seed (the call's id) and the turn's node, so a reload shows the same order. A call without
 * a seed (a trainer's play-test, calls stored before shuffling) shows the authored order.
 */
export function shownOrder(state: Pick<CallState, 'seed'>, node: ChoiceNode): number[] {
  const indices = node.options.filter((o) => o.kind === 'say').map((_, index) => index);
  return state.seed ? seededPermutation(indices, `${state.seed}:${node.id}`) : indices;
}
