import { negationScope, type Polarity } from './negation-scope.ts';
import { stemFrench } from './stem-french.ts';
import { tokeniseFrench, type RawToken } from './tokenise-french.ts';

export interface Token extends RawToken, Polarity {
  /** Snowball stems (accent-folded) of a word; empty for numbers and marks. */
  stems: readonly string[];
}

/** A text as the grader reads it: tokens with their stems and negation. Pure. */
export function analyseFrench(text: string): Token[] {
  const raw = tokeniseFrench(text);
  const polarity = negationScope(raw);
  return raw.map((t, i) => ({ ...t, ...polarity[i], stems: t.kind === 'word' ? stemFrench(t.surface) : [] }));
}
