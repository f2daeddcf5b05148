/**
 * Folds a typed answer so that trivial differences do not make it wrong: case, accents,
 * apostrophes, punctuation and spacing. "L’accueil !" and "l'accueil" compare equal.
 * Quiz short answers and form fields use it on both sides (the player and the validator).
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    // Apostrophes and signs become spaces too: "l'accueil" = "l accueil", "Windows+L" = "windows + l".
    .replace(/[^a-z0-9@]+/g, ' ')
    .trim();
}

/** "exact" keeps case and accents; only outer spaces and runs of spaces are ignored. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
