import type { Token } from './analyse-french.ts';
import { CLITICS, CONJUNCTIONS, DETERMINERS, FILLERS, FINITE_VERBS, FUNCTION_WORDS, PREPOSITIONS, SUBJECT_PRONOUNS } from './french-words.ts';

/**
 * Why an answer does not read as something said to a customer, or undefined when it does.
 *
 * A trainee who types the rubric's words ("internet fibre matin rouge voyant connexion coupé
 * ok merci") has found the keywords, not said a sentence. Four signals, all cheap and all
 * measured on the words that carry something (greetings, thanks, titles and hesitations
 * such as "ok", "merci", "monsieur", "euh" are left out, so padding with them changes nothing):
 *
 * - a clause: a subject pronoun followed by a verb ("vous avez", "je ne peux"), a common
 *   finite verb ("est", "faut", "pouvez"), or an imperative in -ez ("envoyez") or -ons;
 * - grammatical words: in French prose about half the words are articles, pronouns,
 *   prepositions and auxiliaries; a list of nouns has none. At least a quarter are required;
 * - words of its own: at least a third of the words must lie outside the rubric expressions
 *   the answer matched. The rubric's words alone, in any order, are not an answer;
 * - linking words that join items ("et", "donc", "puis"…) count for neither, as fillers do:
 *   "note et preuve et vérifie" is still the rubric's words in a row;
 * - no broken grammar: an article followed by another small word or by nothing ("le la de")
 *   is what padding with function words looks like; two such breaks fail the answer;
 * - not mostly bare items: a list with commas ("c'est noté : canapé, retard, congé, journée,
 *   livraison, commande") holds a clause and enough small words before it, but most of its
 *   words stand alone between two marks, without an article or a verb. Real answers have
 *   such items too ("du lundi au vendredi, 9 h – 18 h"), never most of their words in them.
 */
export type NotASentence = 'no-clause' | 'few-grammar-words' | 'only-rubric-words' | 'broken-grammar' | 'bare-items';

/** Words that join items of a list as well as clauses: no evidence of a sentence on their own. */
const LINKS = new Set(['et', 'ou', 'mais', 'donc', 'car', 'ni', 'puis', 'ensuite', 'aussi']);

export const MIN_GRAMMAR_SHARE = 0.25;
export const MIN_OWN_SHARE = 1 / 3;
export const MAX_BROKEN = 1;
/** A list of at least this many bare items, holding at least this share of the words, is a list. */
export const MIN_BARE_ITEMS = 4;
export const MAX_BARE_SHARE = 0.5;

export function whyNotASentence(tokens: readonly Token[], rubricTokens: ReadonlySet<number>): NotASentence | undefined {
  const meaningful = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind !== 'mark' && !FILLERS.has(t.folded) && !LINKS.has(t.folded));
  if (meaningful.length === 0) return 'no-clause';
  if (!hasClause(tokens, rubricTokens)) return 'no-clause';
  const grammar = meaningful.filter(({ t }) => t.kind === 'word' && FUNCTION_WORDS.has(t.folded)).length;
  if (grammar / meaningful.length < MIN_GRAMMAR_SHARE) return 'few-grammar-words';
  const own = meaningful.filter(({ i }) => !rubricTokens.has(i)).length;
  if (own / meaningful.length < MIN_OWN_SHARE) return 'only-rubric-words';
  if (brokenGrammar(tokens) > MAX_BROKEN) return 'broken-grammar';
  const bare = bareItems(tokens);
  if (bare.items >= MIN_BARE_ITEMS && bare.words / meaningful.length >= MAX_BARE_SHARE) return 'bare-items';
  return undefined;
}

/**
 * The items of an enumeration: stretches between two marks (or linking words: "canapé et
 * retard") of one or two words, none of them grammatical or a verb ("retard", "14 novembre",
 * "pièce jointe"), with at most an article before them ("le retard, la journée"). Fillers
 * are left out, so "madame, retard" is one bare item.
 */
function bareItems(tokens: readonly Token[]): { items: number; words: number } {
  let items = 0;
  let words = 0;
  let current: Token[] = [];
  const close = (): void => {
    const content = current.filter((t) => t.kind === 'number' || !DETERMINERS.has(t.folded));
    const determiners = current.length - content.length;
    if (content.length >= 1 && content.length <= 2 && determiners <= 1 && content.every((t) => t.kind === 'number' || (!FUNCTION_WORDS.has(t.folded) && !isVerbLike(t)))) {
      items++;
      words += current.length;
    }
    current = [];
  };
  for (const t of tokens) {
    if (t.kind === 'mark' || LINKS.has(t.folded)) close();
    else if (!FILLERS.has(t.folded)) current.push(t);
  }
  close();
  return { items, words };
}

function isVerbLike(t: Token): boolean {
  if (t.kind !== 'word') return false;
  if (FINITE_VERBS.has(t.folded)) return true;
  // Imperatives and the polite "vous" form ("envoyez", "prenez"), "nous" forms ("vérifions").
  return t.folded.length >= 5 && /(ez|ons)$/.test(t.folded) && !FUNCTION_WORDS.has(t.folded) && !['chez', 'assez'].includes(t.folded);
}

const isWord = (t: Token | undefined, test: (folded: string) => boolean): boolean => t?.kind === 'word' && test(t.folded);
const isContent = (folded: string): boolean => !FUNCTION_WORDS.has(folded) && !FILLERS.has(folded);

function hasClause(tokens: readonly Token[], rubricTokens: ReadonlySet<number>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isVerbLike(t)) return true;
    // A noun subject: article, noun, then a word followed by a grammatical one ("le prix dépend de").
    if (isWord(t, (w) => DETERMINERS.has(w)) && isWord(tokens[i + 1], isContent) && isWord(tokens[i + 2], isContent) && !rubricTokens.has(i + 2)
      && isWord(tokens[i + 3], (w) => FUNCTION_WORDS.has(w))) return true;
    if (t.kind !== 'word' || !SUBJECT_PRONOUNS.has(t.folded)) continue;
    // Subject, then clitics ("je ne vous le"), then a word that is not grammatical: a verb.
    let j = i + 1;
    while (j < tokens.length && tokens[j].kind === 'word' && CLITICS.has(tokens[j].folded)) j++;
    const next = tokens[j];
    // The verb must be the answer's own word: "vous internet" is a pronoun before a keyword.
    if (next?.kind === 'word' && !FUNCTION_WORDS.has(next.folded) && !FILLERS.has(next.folded) && !rubricTokens.has(j)) return true;
  }
  return false;
}

const SMALL = (t: Token | undefined): boolean =>
  t === undefined || t.kind === 'mark' || (t.kind === 'word' && (DETERMINERS.has(t.folded) || PREPOSITIONS.has(t.folded) || CONJUNCTIONS.has(t.folded)));

/** Articles that are also pronouns ("ce que", "un de vos conseillers"): never counted as broken. */
const ALSO_PRONOUNS = new Set(['ce', 'un', 'une', 'leur']);
/** "le", "la", "les" are object pronouns after an imperative ("envoyez-la par courrier"). */
const OBJECT_PRONOUNS = new Set(['le', 'la', 'les']);

/** Articles followed by nothing, a mark, or another article, preposition or conjunction. */
function brokenGrammar(tokens: readonly Token[]): number {
  let broken = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !DETERMINERS.has(t.folded) || ALSO_PRONOUNS.has(t.folded)) continue;
    if (OBJECT_PRONOUNS.has(t.folded) && i > 0 && isVerbLike(tokens[i - 1])) continue;
    if (SMALL(tokens[i + 1])) broken++;
  }
  return broken;
}
