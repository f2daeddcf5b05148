/**
 * Folds case and accents in JS, because SQLite's lower() only folds ASCII.
 * Stored next to names so that "élodie" finds "Élodie" on both databases.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
