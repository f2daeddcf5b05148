/**
 * npm run test:unit | test:http | test:process | test:browser: mocha on one tier's files
 * (test/tiers/classify.ts). `--list` prints the files instead. npm test runs every tier at once.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIERS, testFiles, tierOf, type Tier } from './classify.ts';

const testRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [tier, ...rest] = process.argv.slice(2);
if (!TIERS.includes(tier as Tier)) {
  console.error(`usage: run-tier.ts <${TIERS.join('|')}> [--list] [mocha options]`);
  process.exit(2);
}
const files = testFiles(testRoot).filter((file) => tierOf(file, testRoot) === tier);
if (rest.includes('--list')) {
  for (const file of files) console.log(path.relative(process.cwd(), file));
  process.exit(0);
}
const mocha = path.resolve(testRoot, '../node_modules/mocha/bin/mocha.js');
const run = spawnSync(process.execPath, [mocha, ...rest, ...files], {
  stdio: 'inherit',
  env: { ...process.env, TREMPLIN_TEST_TIER: tier },
});
process.exit(run.status ?? 1);
