/**
 * Words that would reveal where the training took place (issue 7: the holder decides what to
 * disclose). Matched without accents or case, as word starts, so plurals and feminine forms count.
 */
export const FORBIDDEN_WORDS = ['prison', 'détention', 'pénitentiaire', 'carcéral'] as const;

const PATTERN = /\b(prison\w*|detention\w*|penitentiair\w*|carcera\w*|maison d'arret|detenu\w*)/gu;

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'");
}

/** The forbidden words found in a text (folded forms), empty when clean. */
export function forbiddenWordsIn(text: string): string[] {
  return [...foldText(text).matchAll(PATTERN)].map((m) => m[1] as string);
}
