import snowball from 'snowball-stemmers';
import { foldAccents } from './tokenise-french.ts';

const stemmer = snowball.newStemmer('french');
const cache = new Map<string, readonly string[]>();

/**
 * The Snowball French stems of a lower-case word, accent-folded. The stemmer's rules read
 * accents ("payée" → "pai", but "payee" → "paye"), so a word typed without them gets both
 * the stem of what was typed and, as a second key, the stem of its folded form: two words
 * match when they share one key.
 */
export function stemFrench(surface: string): readonly string[] {
  const known = cache.get(surface);
  if (known) return known;
  const folded = foldAccents(surface);
  const keys = [...new Set([foldAccents(stemmer.stem(surface)), stemmer.stem(folded)])];
  cache.set(surface, keys);
  return keys;
}
