/**
 * Closed classes of French words the grader needs, written without accents (tokens are
 * compared on their accent-folded form). Open classes (nouns, verbs, adjectives) are left to
 * the stemmer; only the small grammatical vocabulary is listed here.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Articles, possessives, demonstratives, quantifiers: always followed by a noun group. */
export const DETERMINERS = words(`
  le la les un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos
  votre vos leur leurs quel quelle quels quelles chaque plusieurs quelques
`);

export const PREPOSITIONS = words(`
  de a en dans sur sous pour par avec sans chez depuis vers entre avant apres pendant contre
  selon jusque pres lors
`);

/** Subject pronouns: one of them followed by a word is the core of a French clause. */
export const SUBJECT_PRONOUNS = words('je tu il elle on nous vous ils elles ce ca cela');

/** Pronouns that may stand between a subject and its verb ("je vous le dis", "je ne peux"). */
export const CLITICS = words('ne me te se le la les lui leur y en vous nous');

export const CONJUNCTIONS = words('et ou mais donc car ni si comme quand lorsque puisque parce que qui quoi dont ou');

/** Auxiliaries, modals and the commonest verbs, in the forms an agent uses on the phone. */
export const FINITE_VERBS = words(`
  est sont suis es sommes etes etait etaient sera serez serons seront serait soit
  ai as a avons avez ont avait avaient aura aurez aurons auront aurait
  peux peut pouvez pouvons peuvent pourrez pourriez pourrait puis
  vais va allez allons vont irai ira
  dois doit devez devons doivent devrez devriez faut fallait faudra faudrait
  fais fait faites faisons font ferai fera ferons
  veux veut voulez voulons voudrais voudriez
  sais sait savez savons comprends comprend comprenons vois voit voyez voyons
  dis dit dites disons prends prend prenez prenons mets met mettez
  note notons regarde regardons verifie verifions envoie envoyez envoyons
  reste restez propose proposons explique demande demandons appelle appelez voici
`);

/** Adverbs and other small words of ordinary sentences. */
const SMALL_WORDS = words(`
  tres bien aussi deja encore toujours ici la tout toute tous toutes juste seulement vraiment
  bientot ensuite puis alors meme autre autres non plus moins peu beaucoup trop tant
`);

/** Negation words: ne / n' with a second part, or alone in spoken French ("je peux pas"). */
export const NEGATION_NE = words('ne');
export const NEGATION_AFTER_NE = words('pas plus jamais rien aucun aucune personne guere point nullement ni');
/** Second parts that negate on their own, without "ne" (spoken French, or "sans", "aucun"). */
export const NEGATION_ALONE = words('pas jamais rien aucun aucune sans ni');
/** Of those, the ones that follow the verb they negate ("je peux pas"): the scope starts one word earlier. */
export const NEGATION_AFTER_VERB = words('pas jamais rien');

/** Words that end a clause for negation: "je ne peux pas, mais je vais vérifier". */
export const CLAUSE_BREAK_WORDS = words('mais et car donc puis parce puisque quand lorsque si comme que qui alors');

/**
 * Words that carry no content in a typed answer: greetings, thanks, titles and hesitation.
 * They neither make a sentence nor dilute a keyword list ("ok merci monsieur" adds nothing).
 */
export const FILLERS = words(`
  ok okay oui non ouais bon ben bah euh euhh heu hum hein voila alors bref merci monsieur madame
  mademoiselle mr mme m bonjour bonsoir salut revoir parfait super genial cordialement
`);

/** Grammatical words: the share of them is what tells a sentence from a list of nouns. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...DETERMINERS, ...PREPOSITIONS, ...SUBJECT_PRONOUNS, ...CLITICS, ...CONJUNCTIONS,
  ...FINITE_VERBS, ...SMALL_WORDS, ...NEGATION_NE, ...NEGATION_AFTER_NE, ...NEGATION_ALONE,
]);

/** Elided forms before an apostrophe: "j'ai" is "je ai", "qu'il" is "que il". */
export const ELISIONS: Readonly<Record<string, string>> = {
  j: 'je', l: 'le', d: 'de', n: 'ne', m: 'me', t: 'te', c: 'ce', qu: 'que',
  jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque', quoiqu: 'quoique',
};

/** Elisions typed without their apostrophe, read as if it were there ("cest" is "c'est"). */
export const GLUED_ELISIONS: Readonly<Record<string, string[]>> = {
  cest: ['ce', 'est'], jai: ['je', 'ai'], nest: ['ne', 'est'], sil: ['si', 'il'], quil: ['que', 'il'],
  quils: ['que', 'ils'], jen: ['je', 'en'], daccord: ['de', 'accord'], aujourdhui: ['aujourd', 'hui'],
};
