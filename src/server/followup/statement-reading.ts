/** Pure, defensive readers of statement fields (statements are validated, but loosely typed). */
export type Json = { [key: string]: unknown };

export const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const field = (value: unknown, key: string): unknown => (isJson(value) ? value[key] : undefined);

/** The best text of a language map for a locale: exact, then same language, then any. */
export function languageMapText(map: unknown, locale: 'fr' | 'en'): string | undefined {
  if (!isJson(map)) return undefined;
  const entries = Object.entries(map).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  const lang = (tag: string) => tag.toLowerCase().split('-')[0];
  return (entries.find(([tag]) => lang(tag) === locale) ?? entries.find(([tag]) => lang(tag) === 'fr') ?? entries[0])?.[1];
}

/** The account name of a pseudonymous actor of this instance (the user id), or null. */
export function accountUserId(agent: unknown, homePage: string): string | null {
  const account = field(agent, 'account');
  const name = field(account, 'name');
  return field(account, 'homePage') === homePage && typeof name === 'string' ? name : null;
}
