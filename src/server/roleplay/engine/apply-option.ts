import { blockingFaultsOf } from '../scenario/blocking-faults.ts';
import type { ChoiceNode, LearnerOption, OptionKind, Scenario } from '../scenario/types.ts';
import type { CallState } from './call-state.ts';
import { closeTurn, openTurn } from './learner-turn.ts';
import { reject, type Step } from './step.ts';
import { maxOf } from './tally.ts';
import { shownOrder } from './shown-order.ts';
import { settleTimeouts } from './timeouts.ts';

export interface ChoiceInput {
  turn: number;
  /** Position of the line on the learner's screen (0 = top), in this call's shown order. */
  choice: number;
}

export type ActionInput = { turn: number; type: 'hold' | 'transfer' } | { turn: number; type: 'lookup'; field: string };

/** The learner picks one of the offered lines. */
export function applyChoice(scenario: Scenario, state: CallState, input: ChoiceInput, now: number): Step {
  const gate = openTurn(scenario, state, input.turn, now, (s, at) => settleTimeouts(scenario, s, at));
  if (!gate.open) return gate.step;
  if (gate.node.kind !== 'choice') return reject('wrong-turn-kind');
  const says = gate.node.options.filter((o) => o.kind === 'say');
  const shown = shownOrder(gate.state, gate.node);
  if (!Number.isInteger(input.choice) || input.choice < 0 || input.choice >= shown.length) return reject('choice-not-offered');
  const index = shown[input.choice];
  return playOption(scenario, gate.state, gate.node, says[index], { index, shown, position: input.choice });
}

/** Hold, transfer (when the turn offers them) or looking up a field of the customer record. */
export function applyAction(scenario: Scenario, state: CallState, input: ActionInput, now: number): Step {
  const gate = openTurn(scenario, state, input.turn, now, (s, at) => settleTimeouts(scenario, s, at));
  if (!gate.open) return gate.step;
  if (input.type === 'lookup') return lookUp(scenario, gate.state, input.field);
  if (gate.node.kind !== 'choice') return reject('action-not-offered');
  const option = gate.node.options.find((o) => o.kind === input.type);
  if (!option) return reject('action-not-offered');
  return playOption(scenario, gate.state, gate.node, option, { index: gate.node.options.indexOf(option) });
}

/** Keys of record fields an option needs that the learner has not looked up yet. */
export function missingLookups(option: LearnerOption, state: CallState): string[] {
  return option.requires.filter((key) => !state.lookedUp.includes(key));
}

/** Where the played option stands: its authored index and, for a said line, what the screen showed. */
type Placement = { index: number; shown?: number[]; position?: number };

function playOption(scenario: Scenario, state: CallState, node: ChoiceNode, option: LearnerOption, placement: Placement): Step {
  const missing = missingLookups(option, state);
  if (missing.length > 0) {
    const labels = missing.map((key) => scenario.persona.record.find((f) => f.key === key)?.label ?? key);
    return reject('lookup-required', `Champ à consulter : ${labels.join(', ')}.`);
  }
  const kind: OptionKind = option.kind;
  return closeTurn(scenario, state, node, {
    answer: { type: 'option', kind, ...placement, text: option.text, to: option.to },
    points: option.points,
    competencies: option.competencies,
    maxPoints: maxOf(node.options.map((o) => o.points)),
    maxCompetencies: maxOf(node.options.map((o) => o.competencies)),
    mood: option.mood,
    feedback: option.feedback,
    tags: option.tags,
    blockingFaults: blockingFaultsOf(option, option.feedback || option.text),
    next: option.next,
  });
}

function lookUp(scenario: Scenario, state: CallState, key: string): Step {
  const field = scenario.persona.record.find((f) => f.key === key && f.lookup);
  if (!field) return reject('unknown-field');
  if (state.lookedUp.includes(key)) return reject('already-looked-up');
  const node = scenario.nodes[state.node];
  return {
    ok: true,
    applied: true,
    state: {
      ...state,
      turn: state.turn + 1,
      lookedUp: [...state.lookedUp, key],
      transcript: [
        ...state.transcript,
        { kind: 'lookup', node: state.node, phase: node?.phase ?? '', atMs: state.lastAt - state.startedAt, turn: state.turn, field: key, label: field.label, value: field.value },
      ],
    },
  };
}
