import type { SourceError } from '../../courses/format/source-error.ts';
import type { Scenario } from './types.ts';

export interface ScenarioContext {
  /** Competency codes known in courses/competences.yaml. */
  competencyCodes: Set<string>;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: SourceError[] };

/** Parses and validates one scenario file. Pure. (Stub: the full parser follows.) */
export function parseScenario(text: string, file: string, context: ScenarioContext): ScenarioResult {
  void text;
  void context;
  return { ok: false, errors: [{ file, message: 'Analyse des scénarios pas encore disponible.' }] };
}
