import { isMap, type FieldReader, type Path } from './field-reader.ts';
import type { RubricSamples } from './types.ts';

const SAMPLE_KEYS = ['good', 'bad'] as const;

/**
 * `samples: { good: [...], bad: [...] }` on a typed turn: answers trainees really wrote, as the
 * trainer labels them. Only their shape is checked here; courses:check grades them
 * (roleplay/rubric/classify-samples.ts), so a turn can be drafted before its samples.
 */
export function parseSamples(reader: FieldReader, value: unknown, path: Path): { samples?: RubricSamples } {
  if (value === undefined || value === null) return {};
  if (!isMap(value)) {
    reader.error(path, '« samples » : un bloc { good: [...], bad: [...] } est attendu.');
    return {};
  }
  reader.onlyKeys(value, SAMPLE_KEYS, path);
  return { samples: { good: reader.textList(value, 'good', path), bad: reader.textList(value, 'bad', path) } };
}
