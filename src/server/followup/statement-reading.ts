/** Pure, defensive readers of statement fields (statements are validated, but loosely typed). */
import type { Statement } from '../../lrs/index.ts';

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

export function scaledScore(s: Statement): number | null {
  const scaled = field(field(field(s, 'result'), 'score'), 'scaled');
  return typeof scaled === 'number' && Number.isFinite(scaled) ? Math.min(1, Math.max(-1, scaled)) : null;
}

const DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** result.duration in seconds; 0 when absent or in a form we do not write (weeks, months). */
export function durationSeconds(s: Statement): number {
  const value = field(field(s, 'result'), 'duration');
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  if (!match) return 0;
  const [d, h, m, sec] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  return d * 86400 + h * 3600 + m * 60 + sec;
}

/** The account name of a pseudonymous actor of this instance (the user id), or null. */
export function accountUserId(agent: unknown, homePage: string): string | null {
  const account = field(agent, 'account');
  const name = field(account, 'name');
  return field(account, 'homePage') === homePage && typeof name === 'string' ? name : null;
}
