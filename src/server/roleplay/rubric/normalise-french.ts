/**
 * Normalises French text so that a trainer's expected expressions match what a learner types:
 * case, accents, ligatures, apostrophes and elisions, punctuation, and simple plurals.
 * Both the learner's text and the rubric's expressions go through the same function.
 */
export function normaliseFrench(text: string): string {
  return frenchTokens(text).join(' ');
}

export function frenchTokens(text: string): string[] {
  const flat = text
    .toLocaleLowerCase('fr')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    // Elision and hyphenation split words: "l'adresse" -> "l adresse", "vous-même" -> "vous meme".
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return flat === '' ? [] : flat.split(' ').map(singular);
}

/** Simple plurals: a final s or x on words longer than three letters ("commandes", "travaux"). */
function singular(word: string): string {
  return word.length > 3 && /[sx]$/.test(word) && !/ss$/.test(word) ? word.slice(0, -1) : word;
}

/** True when the normalised phrase occurs in the normalised text on word boundaries. */
export function containsPhrase(normalisedText: string, normalisedPhrase: string): boolean {
  if (normalisedPhrase === '') return false;
  return ` ${normalisedText} `.includes(` ${normalisedPhrase} `);
}
