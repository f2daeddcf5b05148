/**
 * French (and a few English) words that would tell a reader the holder was in detention. Matched
 * on the normal form of a text (text/normalise-text.ts) cut into words at every character that
 * is not a letter or a digit, so "maison  d’arrêt", "maison-d-arret" and "Maison d'Arrêt" are the
 * same three words "maison d arret".
 *
 * A term is a run of words. Each word is either exact ("spip") or a stem ending in "*"
 * ("incarcer*" for incarcération, incarcéré, incarcérée); "a|b" gives alternatives. Ordinary
 * words that only mean detention next to another word are terms of two or more words:
 * "quartier" alone is a neighbourhood, "peine" alone is "à peine", "centrale" alone is a
 * "centrale d'achat", "surveillant" alone is a school's.
 */
export const DETENTION_TERMS: readonly string[] = [
  // Places and their parts
  'prison*', 'emprisonn*', 'incarcer*', 'carcera*', 'penitentia*', 'penitencier*',
  'detention*', 'detenu*', 'codetenu*',
  'maison d arret*', 'maison darret*', 'maison centrale*', 'centre de retention*',
  'quartier de|des|d semi|courtes|peines|isolement|arrivants|mineurs|femmes|detention*|respect|confiance',
  'quartier disciplinaire*', 'quartier mineurs|arrivants', 'qsl',
  'mitard', 'parloir*', 'maton|matons', 'geole*', 'geolier*', 'bagne|bagnes|bagnard*', 'taule|taules|taulard*', 'zonzon',
  'unite de vie familiale*', 'uvf', 'usmp', 'ucsa', 'smpr',
  // People and services
  'spip', 'cpip', 'ppsmj', 'jap', 'application des peines', 'application de la peine', 'probation*', 'main de justice',
  // Sentences and their execution
  'ecrou|ecrous|ecroue|ecrouee|ecroues|ecrouees|ecrouer|ecrouement',
  'semi liberte*', 'semiliberte*', 'liberation|liberations conditionnelle*', 'liberte conditionnelle*',
  'condamne|condamnee|condamnes|condamnees', 'condamnation*',
  'amenagement|amenagements|execution|fin|remise|remises|reduction|reductions de|des|sa|ma|leur peine|peines',
  'purger|purge|purgee|purgeait|purgeant|purgera sa|une|ma|leur|des|la peine|peines',
  'peine|peines privative*|ferme|fermes', 'peine|peines de|d reclusion|surete',
  'privation|privatif|privative de liberte', 'reclusion*', 'placement exterieur*',
  'bracelet|bracelets electronique*', 'surveillance electronique*', 'casier judiciaire*',
  'penal|penale|penales|penaux', 'correctional*', 'inmate*', 'jail*', 'convict|convicts|convicted',
];

/**
 * Stems that also count inside a longer word, for words glued together as in a host name
 * ("maisondarret", "prisonexemple"). Only long stems no ordinary French word contains.
 */
export const DETENTION_STEMS_INSIDE_WORDS: readonly string[] = [
  'prison', 'detenu', 'detention', 'incarcer', 'carceral', 'penitentia', 'penitencier', 'maisondarret', 'maisoncentrale', 'semiliberte', 'codetenu',
];
