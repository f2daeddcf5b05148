import { DEFAULT_PHASES } from './defaults.ts';
import { isMap, type FieldReader } from './field-reader.ts';
import type { Phase } from './types.ts';

const PHASE_ID = /^[a-z][a-z0-9-]*$/;

/** `phases:` is optional; each entry is an id (label from the defaults or the id) or { id, label }. */
export function parsePhases(reader: FieldReader, value: unknown): Phase[] {
  if (value === undefined) return [...DEFAULT_PHASES];
  if (!Array.isArray(value) || value.length === 0) {
    reader.error(['phases'], '« phases » doit lister au moins une phase.');
    return [...DEFAULT_PHASES];
  }
  const phases: Phase[] = [];
  value.forEach((item: unknown, index) => {
    const raw = typeof item === 'string' ? { id: item } : isMap(item) ? item : undefined;
    const id = typeof raw?.id === 'string' ? raw.id : '';
    if (!PHASE_ID.test(id)) {
      reader.error(['phases', index], 'phase mal formée : un identifiant en minuscules sans accent (ex. decouverte) ou { id, label }.');
      return;
    }
    if (phases.some((p) => p.id === id)) reader.error(['phases', index], `la phase « ${id} » est listée deux fois.`);
    const label = typeof raw?.label === 'string' ? raw.label : DEFAULT_PHASES.find((p) => p.id === id)?.label ?? id;
    phases.push({ id, label });
  });
  return phases;
}
