import type { Scenario } from '../roleplay/scenario/types.ts';
import type { CallState } from '../roleplay/engine/index.ts';
import { applyAction, applyChoice, applyFreeResponse, availableActions, debrief, startCall, type Step } from '../roleplay/engine/index.ts';

import { z } from 'zod';
import { stateFitsScenario } from '../roleplay/engine/index.ts';

/*
 * A play test runs the pure engine on the draft's scenario. The call state travels in the
 * trainer's own form posts (a hidden field) and is stored nowhere: no call row, no progress,
 * no xAPI statement. (Keeping it in the session raced with concurrent requests that save the
 * session too, e.g. the browser's favicon request, on PostgreSQL.)
 */

const tally = z.object({ earned: z.number(), max: z.number() });
const stateShape = z.object({
  scenarioId: z.string(),
  node: z.string(),
  turn: z.number().int().min(0),
  mood: z.number(),
  startedAt: z.number(),
  turnStartedAt: z.number(),
  turnTimedOut: z.boolean(),
  lastAt: z.number(),
  phaseScores: z.record(z.string(), tally),
  competencyScores: z.record(z.string(), tally),
  lookedUp: z.array(z.string()),
  transcript: z.array(z.object({ kind: z.enum(['customer', 'learner', 'lookup', 'timeout', 'ending']), node: z.string(), phase: z.string(), atMs: z.number() }).passthrough()),
  ended: z.object({ kind: z.string(), outcome: z.string(), node: z.string(), at: z.number() }).nullable(),
});

/** The state posted back by the play-test page, if it is one this scenario could have produced. */
export function readPlaytestState(scenario: Scenario, posted: string): CallState | null {
  let json: unknown;
  try {
    json = JSON.parse(posted);
  } catch {
    return null;
  }
  if (!isCallState(json)) return null;
  return stateFitsScenario(scenario, json) ? json : null;
}

/**
 * The shape check of a posted state: every field the engine reads to go on is checked here;
 * the transcript's own entries are the engine's output, given back as they came, and
 * stateFitsScenario then checks the state against the draft's scenario.
 */
function isCallState(value: unknown): value is CallState {
  return stateShape.safeParse(value).success;
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
