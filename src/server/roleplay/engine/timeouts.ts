import { clampMood } from '../scenario/mood.ts';
import type { Scenario } from '../scenario/types.ts';
import { advance, audioLength } from './advance.ts';
import type { CallState } from './call-state.ts';
import { addToTallies } from './tally.ts';
import { turnDeadline } from './turn-deadline.ts';

/** Bounds the work for a call left open for hours: each round moves time by one full limit. */
const MAX_ROUNDS = 100;

/**
 * Plays every silence that has run out by `now`, each at the exact moment it ran out, so the
 * result does not depend on when the server happens to look. A timeout with `next` moves the
 * call (and the turn number) on; one without fires once per visit and keeps the turn open.
 */
export function settleTimeouts(scenario: Scenario, state: CallState, now: number): CallState {
  let current = state;
  for (let round = 0; round < MAX_ROUNDS && !current.ended; round++) {
    const node = scenario.nodes[current.node];
    if (!node || (node.kind !== 'choice' && node.kind !== 'free') || !node.timeLimit || current.turnTimedOut) break;
    const limit = node.timeLimit;
    const firesAt = turnDeadline(current, node);
    if (firesAt === null || now < firesAt) break;
    const mood = clampMood(current.mood + limit.mood);
    const timedOut: CallState = {
      ...current,
      mood,
      lastAt: firesAt,
      turnTimedOut: true,
      phaseScores: addToTallies(current.phaseScores, { [node.phase]: -limit.pointsLost }, {}),
      transcript: [
        ...current.transcript,
        { kind: 'timeout', node: node.id, phase: node.phase, atMs: firesAt - current.startedAt, turn: current.turn, text: limit.say, pointsLost: limit.pointsLost, mood },
      ],
    };
    current = limit.next ? advance(scenario, { ...timedOut, turn: timedOut.turn + 1 }, limit.next, firesAt, audioLength(current, node.id)) : timedOut;
  }
  return current;
}
