import { searchKey } from '../text/search-key.ts';

/** The login folded for uniqueness (case, accents): "Élodie.D" and "elodie.d" are one login. */
export function loginKey(login: string): string {
  return searchKey(login);
}
