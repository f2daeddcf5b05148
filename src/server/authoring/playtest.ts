import type { Scenario } from '../roleplay/scenario/types.ts';
import type { CallState } from '../roleplay/engine/index.ts';
import { applyAction, applyChoice, applyFreeResponse, availableActions, debrief, startCall, type Step } from '../roleplay/engine/index.ts';

/**
 * A play test runs the pure engine on the draft's scenario and keeps the call state in the
 * trainer's session only: no call row, no progress, no xAPI statement.
 */
export interface PlaytestSession {
  moduleId: string;
  path: string;
  state: CallState;
}

declare module 'express-session' {
  interface SessionData {
    authoringPlaytest?: PlaytestSession;
  }
}

export type PlaytestInput =
  | { kind: 'choice'; turn: number; choice: number }
  | { kind: 'hold' | 'transfer'; turn: number }
  | { kind: 'lookup'; turn: number; field: string }
  | { kind: 'free'; turn: number; text: string };

export function startPlaytest(scenario: Scenario, now: number): CallState {
  return startCall(scenario, now);
}

export function playTurn(scenario: Scenario, state: CallState, input: PlaytestInput, now: number): Step {
  switch (input.kind) {
    case 'choice': return applyChoice(scenario, state, { turn: input.turn, choice: input.choice }, now);
    case 'hold':
    case 'transfer': return applyAction(scenario, state, { turn: input.turn, type: input.kind }, now);
    case 'lookup': return applyAction(scenario, state, { turn: input.turn, type: 'lookup', field: input.field }, now);
    case 'free': return applyFreeResponse(scenario, state, { turn: input.turn, text: input.text }, now);
  }
}

export function playtestView(scenario: Scenario, state: CallState) {
  const actions = availableActions(scenario, state);
  return {
    transcript: state.transcript.map((e) => ({
      customer: e.kind === 'customer' || e.kind === 'ending' ? e.text ?? '' : e.kind === 'timeout' ? e.text : '',
      learner: e.kind === 'learner' ? (e.answer.type === 'option' ? e.answer.text : e.answer.text) : '',
      lookup: e.kind === 'lookup' ? `${e.label} : ${e.value}` : '',
      outcome: e.kind === 'ending' ? e.outcome : '',
    })),
    actions,
    ended: actions.kind === 'ended',
    debrief: actions.kind === 'ended' ? debrief(scenario, state) : null,
  };
}
