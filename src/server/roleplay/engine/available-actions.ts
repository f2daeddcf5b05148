import type { Scenario } from '../scenario/types.ts';
import { missingLookups } from './apply-option.ts';
import type { CallState } from './call-state.ts';

export interface OfferedOption {
  /** Index to post back (choices) — hold and transfer are posted by type. */
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
    deadlineAt: node.timeLimit && !state.turnTimedOut ? state.turnStartedAt + node.timeLimit.seconds * 1000 : null,
  };
  if (node.kind === 'free') return { ...base, kind: 'free', prompt: node.prompt };
  const offered = node.options.map((option, index) => {
    const missing = missingLookups(option, state).map(labelOf);
    return { option, offer: { index, text: option.text, available: missing.length === 0, missing } };
  });
  const transfer = offered.find((o) => o.option.kind === 'transfer');
  return {
    ...base,
    kind: 'choice',
    prompt: node.prompt,
    choices: offered.filter((o) => o.option.kind === 'say').map((o) => o.offer),
    hold: offered.find((o) => o.option.kind === 'hold')?.offer ?? null,
    transfer: transfer ? { ...transfer.offer, to: transfer.option.to ?? '' } : null,
  };
}
