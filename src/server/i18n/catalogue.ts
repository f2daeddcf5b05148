import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const localesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/** Flat key -> text, per locale. Each area owns one file per locale; the file name is the key's first segment. */
export type Catalogue = Record<Locale, Map<string, string>>;

function flatten(prefix: string, value: unknown, into: Map<string, string>): void {
  if (typeof value === 'string') {
    into.set(prefix, value);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, into);
  }
}

export function loadCatalogue(dir = localesDir): Catalogue {
  const catalogue = {} as Catalogue;
  for (const locale of LOCALES) {
    const entries = new Map<string, string>();
    const localeDir = path.join(dir, locale);
    for (const file of fs.readdirSync(localeDir).filter((f) => f.endsWith('.json')).sort()) {
      const data: unknown = JSON.parse(fs.readFileSync(path.join(localeDir, file), 'utf8'));
      flatten(path.basename(file, '.json'), data, entries);
    }
    catalogue[locale] = entries;
  }
  return catalogue;
}

let shared: Catalogue | undefined;
/** The catalogue shipped with the app, read once. */
export function appCatalogue(): Catalogue {
  shared ??= loadCatalogue();
  return shared;
}

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** Looks a key up, falling back to French, then to the key itself (a test keeps that from shipping). */
export function translator(locale: Locale, catalogue: Catalogue = appCatalogue()): Translate {
  return (key, vars) => {
    const text = catalogue[locale].get(key) ?? catalogue[DEFAULT_LOCALE].get(key) ?? key;
    if (!vars) return text;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (vars[name] === undefined ? '' : String(vars[name])));
  };
}
