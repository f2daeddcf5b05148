import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { foldAccents } from './tokenise-french.ts';

let known: string | undefined;

/**
 * The ~336,000 word forms of an-array-of-french-words (MIT), as its JSON text, lower case and
 * accent-folded in one pass. Kept as text rather than a Set: it is asked only about words one
 * letter from a rubric word, and building a Set of every form would cost seconds at start.
 */
function lexicon(): string {
  known ??= foldAccents(readFileSync(createRequire(import.meta.url).resolve('an-array-of-french-words/index.json'), 'utf8').toLocaleLowerCase('fr'));
  return known;
}

/**
 * Whether an accent-folded, lower-case word is a French word form (inflections included:
 * "regards", "retardée"). The typo tolerance asks this: "regard" is one letter from "retard",
 * but it is a word of its own, so a learner who wrote it did not misspell "retard".
 */
export function isKnownFrenchWord(folded: string): boolean {
  return /^[a-z-]+$/.test(folded) && lexicon().includes(`"${folded}"`);
}
