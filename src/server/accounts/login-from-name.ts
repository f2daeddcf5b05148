import { searchKey } from '../text/search-key.ts';

export const LOGIN_MAX = 40;

/**
 * The login a name gives, the same every time: "Élodie Le Guen" -> "elodie.leguen", accents and
 * case folded, apostrophes dropped ("N'Diaye" -> "ndiaye"), the first word then the rest joined.
 * An empty string when the name has no Latin letter or digit to build from.
 */
export function loginBaseFromName(displayName: string): string {
  const words = searchKey(displayName)
    .replace(/['’]/g, '')
    .split(' ')
    .map((word) => word.replace(/[^a-z0-9-]/g, '').replace(/^-+|-+$/g, ''))
    .filter((word) => word !== '');
  const [first = '', ...rest] = words;
  return (rest.length > 0 ? `${first}.${rest.join('')}` : first).slice(0, LOGIN_MAX);
}

/** `base`, or `base2`, `base3`... : the first that `taken` refuses, kept within LOGIN_MAX. */
export function uniqueLogin(base: string, taken: (login: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = String(n);
    const candidate = `${base.slice(0, LOGIN_MAX - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
