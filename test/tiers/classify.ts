/**
 * Which tier a test file belongs to, read from what it imports (following the test tree's own
 * helpers, not src/): browser (a real Chromium), process (spawns a child process), http
 * (supertest, an express app, or a real database), else unit (pure code). A file goes to the
 * heaviest tier any of its imports needs. The unit tier is also guarded at run time: there
 * createTestDatabase refuses to run (test/helpers/database.ts), so a misread file fails loudly.
 */
import fs from 'node:fs';
import path from 'node:path';

export const TIERS = ['unit', 'http', 'process', 'browser'] as const;
export type Tier = (typeof TIERS)[number];

/** Bare module names and test helpers that put a file in a tier above unit. */
const MARKERS: { tier: Exclude<Tier, 'unit'>; matches: (specifier: string) => boolean }[] = [
  { tier: 'browser', matches: (s) => s === 'playwright-core' || s.endsWith('/helpers/browser.ts') },
  { tier: 'process', matches: (s) => s === 'node:child_process' || s.endsWith('/helpers/real-server.ts') },
  {
    tier: 'http',
    matches: (s) =>
      ['supertest', 'express', 'node:http', 'node:net', 'pg', 'better-sqlite3'].includes(s) ||
      /\/helpers\/(app|database|template-database)\.ts$/.test(s) ||
      /src\/server\/(db\/(connection|migrator)|context|app|boot)\.ts$/.test(s),
  },
];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function specifiersOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const rank = (tier: Tier) => TIERS.indexOf(tier);

/** The tier of one test file, following relative imports that stay inside `testRoot`. */
export function tierOf(file: string, testRoot: string, seen = new Set<string>()): Tier {
  seen.add(file);
  let tier: Tier = 'unit';
  for (const specifier of specifiersOf(file)) {
    const resolved = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier;
    const marker = MARKERS.find((m) => m.matches(resolved));
    if (marker) {
      // A marked helper's tier is known: not read further (the database helpers run pg_dump, but a world is not a process test).
      if (rank(marker.tier) > rank(tier)) tier = marker.tier;
      continue;
    }
    if (!specifier.startsWith('.')) continue;
    const target = resolved;
    if (!target.startsWith(testRoot + path.sep) || seen.has(target) || !fs.existsSync(target)) continue;
    const inner = tierOf(target, testRoot, seen);
    if (rank(inner) > rank(tier)) tier = inner;
  }
  return tier;
}

/** Every *.test.ts file under `testRoot`, sorted. */
export function testFiles(testRoot: string): string[] {
  return (fs.readdirSync(testRoot, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.test.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(testRoot, f))
    .sort();
}
