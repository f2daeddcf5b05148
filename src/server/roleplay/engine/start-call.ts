import type { Scenario } from '../scenario/types.ts';
import { advance } from './advance.ts';
import type { CallState } from './call-state.ts';

/**
 * Picks up the phone: plays the opening customer lines and waits for the first learner turn.
 * `seed` (the call's id) shuffles the lines of each choice turn; without it they keep the authored order.
 * `pacing` holds the learner's time factor and the length of each line's audio (call-state.ts).
 */
export function startCall(scenario: Scenario, now: number, seed?: string, pacing: Pick<CallState, 'timeFactor' | 'audioMs'> = {}): CallState {
  const initial: CallState = {
    scenarioId: scenario.id,
    ...(seed ? { seed } : {}),
    ...(pacing.timeFactor !== undefined ? { timeFactor: pacing.timeFactor } : {}),
    ...(pacing.audioMs ? { audioMs: pacing.audioMs } : {}),
    node: scenario.start,
    turn: 0,
    mood: scenario.persona.mood,
    startedAt: now,
    turnStartedAt: now,
    turnTimedOut: false,
    lastAt: now,
    phaseScores: {},
    competencyScores: {},
    lookedUp: [],
    transcript: [],
    ended: null,
  };
  return advance(scenario, initial, scenario.start, now);
}
