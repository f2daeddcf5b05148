import type { LearnerOption, Scenario } from '../scenario/types.ts';
import { missingLookups } from './apply-option.ts';
import type { CallState } from './call-state.ts';
import { shownOrder } from './shown-order.ts';
import { turnDeadline } from './turn-deadline.ts';

export interface OfferedOption {
  /** Position on screen, posted back (choices, in this call's shown order); hold and transfer are posted by type. */
  index: number;
  text: string;
  available: boolean;
  /** Labels of record fields to look up first, when not available. */
  missing: string[];
}

export interface LookupOffer {
  key: string;
  label: string;
}

interface TurnBase {
  turn: number;
  node: string;
  phase: string;
  lookups: LookupOffer[];
  /** Epoch ms when the silence reaction fires, if the turn is timed and has not fired yet. */
  deadlineAt: number | null;
}

export type AvailableActions =
  | (TurnBase & {
      kind: 'choice';
      prompt?: string;
      choices: OfferedOption[];
      hold: OfferedOption | null;
      transfer: (OfferedOption & { to: string }) | null;
    })
  | (TurnBase & { kind: 'free'; prompt: string })
  | { kind: 'ended' };

/** What the learner can do now: what the call player shows. */
export function availableActions(scenario: Scenario, state: CallState): AvailableActions {
  const node = scenario.nodes[state.node];
  if (state.ended || !node || node.kind === 'ending' || node.kind === 'customer') return { kind: 'ended' };
  const labelOf = (key: string): string => scenario.persona.record.find((f) => f.key === key)?.label ?? key;
  const base: TurnBase = {
    turn: state.turn,
    node: node.id,
    phase: node.phase,
    lookups: scenario.persona.record.filter((f) => f.lookup && !state.lookedUp.includes(f.key)).map((f) => ({ key: f.key, label: f.label })),
    deadlineAt: state.turnTimedOut ? null : turnDeadline(state, node),
  };
  if (node.kind === 'free') return { ...base, kind: 'free', prompt: node.prompt };
  const offer = (option: LearnerOption, index: number): OfferedOption => {
    const missing = missingLookups(option, state).map(labelOf);
    return { index, text: option.text, available: missing.length === 0, missing };
  };
  const says = node.options.filter((o) => o.kind === 'say');
  const button = (kind: 'hold' | 'transfer') => node.options.find((o) => o.kind === kind);
  const transfer = button('transfer');
  const hold = button('hold');
  return {
    ...base,
    kind: 'choice',
    prompt: node.prompt,
    choices: shownOrder(state, node).map((authored, position) => offer(says[authored], position)),
    hold: hold ? offer(hold, node.options.indexOf(hold)) : null,
    transfer: transfer ? { ...offer(transfer, node.options.indexOf(transfer)), to: transfer.to ?? '' } : null,
  };
}
