/**
 * People's names in the order a French reader expects: case and accents ignored, numbers by
 * value ("Stagiaire 2" before "Stagiaire 10"). One collator, built once (building one is costly).
 */
const NAMES = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function compareNames(a: string, b: string): number {
  return NAMES.compare(a, b);
}

/** A sorted copy, by the name `nameOf` reads. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareNames(nameOf(a), nameOf(b)));
}
