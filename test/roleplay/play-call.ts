import {
  applyAction, applyChoice, applyFreeResponse, availableActions, debrief, startCall,
  type AvailableActions, type CallState, type Debrief, type OfferedOption, type Step,
} from '../../src/server/roleplay/engine/index.ts';
import type { ChoiceNode, FreeNode, LearnerOption, Scenario } from '../../src/server/roleplay/scenario/types.ts';

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
/** Quick enough that no silence runs out: a strategy is judged on what it says. */
const THINK_MS = 2000;
/** A strategy that loops (asking the customer to repeat, forever) is stopped here, unfinished. */
const MAX_TURNS = 120;

export type ChoiceTurn = Extract<AvailableActions, { kind: 'choice' }>;

/** A line as the learner sees it, with the option it plays (to let tests pick by content). */
export interface ShownLine {
  offer: OfferedOption;
  option: LearnerOption;
}

export type Pick = { type: 'say'; line: ShownLine } | { type: 'hold' | 'transfer' };

/** How a simulated learner answers: a pick at choice turns, words at typed turns. */
export interface Strategy {
  choose(lines: ShownLine[], turn: ChoiceTurn, node: ChoiceNode, state: CallState): Pick;
  type(node: FreeNode, state: CallState): string;
}

export interface PlayedCall {
  state: CallState;
  debrief: Debrief;
}

/** The options of a choice turn in the order the player shows them. */
export function shownLines(node: ChoiceNode, turn: ChoiceTurn): ShownLine[] {
  return turn.choices.map((offer) => {
    const option = node.options.find((o) => o.kind === 'say' && o.text === offer.text);
    if (!option) throw new Error(`${node.id}: no option reads "${offer.text}"`);
    return { offer, option };
  });
}

function ok(step: Step, what: string): CallState {
  if (!step.ok) throw new Error(`${what} rejected: ${step.rejection.code}`);
  return step.state;
}

/**
 * Plays a whole call through the engine with a strategy, looking up the record fields a chosen
 * line needs first (as a learner clicks "Consulter" before a greyed line). `seed` is the call's id.
 */
export function playCall(scenario: Scenario, strategy: Strategy, seed?: string): PlayedCall {
  return playOn(scenario, startCall(scenario, T0, seed), strategy);
}

/** Plays a call on from `from` to its end. */
export function playOn(scenario: Scenario, from: CallState, strategy: Strategy): PlayedCall {
  let state = from;
  let now = from.lastAt;
  for (let turns = 0; turns < MAX_TURNS && !state.ended; turns++) {
    const actions = availableActions(scenario, state);
    if (actions.kind === 'ended') break;
    now += THINK_MS;
    const node = scenario.nodes[actions.node];
    if (actions.kind === 'free' && node.kind === 'free') {
      state = ok(applyFreeResponse(scenario, state, { turn: state.turn, text: strategy.type(node, state) }, now), `typed answer at ${node.id}`);
      continue;
    }
    if (actions.kind !== 'choice' || node.kind !== 'choice') throw new Error(`unexpected turn at ${actions.node}`);
    const pick = strategy.choose(shownLines(node, actions), actions, node, state);
    const offered = pick.type === 'say' ? pick.line.offer : actions[pick.type];
    if (!offered) throw new Error(`${node.id}: ${pick.type} is not offered`);
    for (const field of scenario.persona.record.filter((f) => offered.missing.includes(f.label))) {
      state = ok(applyAction(scenario, state, { turn: state.turn, type: 'lookup', field: field.key }, now), `look-up of ${field.key}`);
    }
    state = pick.type === 'say'
      ? ok(applyChoice(scenario, state, { turn: state.turn, choice: pick.line.offer.index }, now), `line ${pick.line.offer.index} at ${node.id}`)
      : ok(applyAction(scenario, state, { turn: state.turn, type: pick.type }, now), `${pick.type} at ${node.id}`);
  }
  // A learner going round in circles never finishes the call: the debrief says it is not passed.
  return { state, debrief: debrief(scenario, state) };
}

const value = (o: LearnerOption): number => [...Object.values(o.points), ...Object.values(o.competencies)].reduce((a, b) => a + b, 0);

/** The trainer's answers: the best line (hold or transfer when they are worth more), the model at typed turns. */
export const modelAnswers: Strategy = {
  choose(lines, turn, node) {
    const best = node.options.reduce((a, b) => (value(b) > value(a) ? b : a));
    const line = lines.find((l) => l.option === best);
    return line ? { type: 'say', line } : { type: best.kind as 'hold' | 'transfer' };
  },
  type: (node) => node.model,
};

/** The model answers, except at one node where `pick` chooses the line. */
export function modelExceptAt(nodeId: string, pick: (lines: ShownLine[]) => ShownLine): Strategy {
  return {
    choose: (lines, turn, node, state) => (node.id === nodeId ? { type: 'say', line: pick(lines) } : modelAnswers.choose(lines, turn, node, state)),
    type: modelAnswers.type,
  };
}
