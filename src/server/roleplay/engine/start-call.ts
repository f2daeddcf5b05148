import type { Scenario } from '../scenario/types.ts';
import { advance } from './advance.ts';
import type { CallState } from './call-state.ts';

/**
 * Picks up the phone: plays the opening customer lines and waits for the first learner turn.
 * `seed` (the call's id) shuffles the lines of each choice turn; without it they keep the authored order.
 */
export function startCall(scenario: Scenario, now: number, seed?: string): CallState {
  const initial: CallState = {
    scenarioId: scenario.id,
    ...(seed ? { seed } : {}),
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
