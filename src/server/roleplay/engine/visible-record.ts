import type { Scenario } from '../scenario/types.ts';
import type { CallState } from './call-state.ts';

export interface VisibleField {
  key: string;
  label: string;
  /** null while a look-up field has not been consulted: the player shows a "Consulter" button. */
  value: string | null;
  lookup: boolean;
}

/** The customer record as the agent's screen shows it at this point of the call. */
export function visibleRecord(scenario: Scenario, state: CallState): VisibleField[] {
  return scenario.persona.record.map((field) => ({
    key: field.key,
    label: field.label,
    value: !field.lookup || state.lookedUp.includes(field.key) ? field.value : null,
    lookup: field.lookup,
  }));
}

/**
 * A stored call may outlive the scenario version it was started on; the player checks that
 * the state still fits the scenario before using it (the engine assumes it does).
 */
export function stateFitsScenario(scenario: Scenario, state: CallState): boolean {
  if (state.scenarioId !== scenario.id) return false;
  const node = scenario.nodes[state.node];
  if (!node) return false;
  if (state.ended) return node.kind === 'ending';
  return (node.kind === 'choice' || node.kind === 'free') && state.lookedUp.every((key) => scenario.persona.record.some((f) => f.key === key && f.lookup));
}
