import { normaliseAnswer } from './normalise-answer.ts';
import { analyseFrench } from '../../roleplay/rubric/analyse-french.ts';
import { compilePhrase, findPhrase, phraseOccurrences } from '../../roleplay/rubric/find-phrase.ts';
import { whyNotASentence } from '../../roleplay/rubric/sentence-check.ts';

/**
 * The back-office exercises' `keywords` check, graded like a typed turn of a call: each group
 * needs one of its words, found on its stem, without accents, with a small typo, and with the
 * same polarity ("aucun remboursement" is not "remboursement effectué"), or as a word starting
 * with it, the trainer's older way for single words ("rembours" finds "remboursement"). With `sentence`, the
 * answer must also read as a sentence, not as the list of the keywords (roleplay/rubric/sentence-check.ts):
 * notes in a file may be telegraphic, what is said to a customer may not.
 */
export function keywordsFound(groups: readonly string[][], response: string, options: { sentence: boolean }): boolean {
  const tokens = analyseFrench(response);
  const folded = ` ${normaliseAnswer(response)}`;
  const prefix = (word: string): boolean => !normaliseAnswer(word).includes(' ') && folded.includes(` ${normaliseAnswer(word)}`);
  const has = (word: string): boolean => findPhrase(tokens, compilePhrase(word)) !== undefined || prefix(word);
  if (!groups.every((group) => group.some(has))) return false;
  if (!options.sentence) return true;
  const keywordTokens = new Set(groups.flat().flatMap((word) => phraseOccurrences(tokens, compilePhrase(word)).flat()));
  // Tokens a prefix keyword covers ("prelev" in "prélèvement") are the exercise's words too.
  tokens.forEach((t, i) => {
    if (t.kind !== 'mark' && groups.flat().some((w) => t.folded.startsWith(normaliseAnswer(w)) && normaliseAnswer(w).length >= 3)) keywordTokens.add(i);
  });
  return whyNotASentence(tokens, keywordTokens) === undefined;
}
