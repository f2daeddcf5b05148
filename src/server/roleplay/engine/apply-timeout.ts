import type { Scenario } from '../scenario/types.ts';
import type { CallState } from './call-state.ts';
import { openTurn } from './learner-turn.ts';
import { reject, type Step } from './step.ts';
import { settleTimeouts } from './timeouts.ts';
import { turnDeadline } from './turn-deadline.ts';

/**
 * The page's timer says the learner's time ran out. The engine checks that against the clock:
 * nothing happens before the limit, whatever the browser claims.
 */
export function applyTimeout(scenario: Scenario, state: CallState, input: { turn: number }, now: number): Step {
  // Settle nothing during the gate, so that the timeout is visible as this step's own effect.
  const gate = openTurn(scenario, state, input.turn, now, (s) => s);
  if (!gate.open) return gate.step;
  if (turnDeadline(state, gate.node) === null) return reject('no-time-limit');
  const settled = settleTimeouts(scenario, state, Math.max(now, state.lastAt));
  if (settled === state || settled.transcript.length === state.transcript.length) return reject('not-timed-out-yet');
  return { ok: true, state: settled, applied: true };
}
