/**
 * Throughput of validateStatement on a typical Tremplin statement (account actor, choice
 * interaction, result with score, context with three contextActivities and extensions).
 * Run: npx tsx test/lrs/validation/bench-throughput.ts   (prints figures; not a test)
 */
import { validateStatement } from '../../../src/lrs/validation/index.ts';
import { makeStatement } from './fixtures.ts';

const ROUNDS = 5;
const PER_ROUND = 200_000;

// Distinct objects, as the LRS sees them after JSON.parse of a batch (no shape reuse tricks).
const pool = Array.from({ length: 1000 }, (_, i) => JSON.parse(JSON.stringify(makeStatement({ id: `3b1e9f7c-2d4a-4e8b-9c6d-${String(i).padStart(12, '0')}` }))) as unknown);

for (const version of (process.env.XAPI_VERSIONS ?? '1.0,2.0').split(',') as Array<'1.0' | '2.0'>) {
  for (let i = 0; i < 300_000; i++) validateStatement(pool[i % pool.length], { version }); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let issues = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < PER_ROUND; i++) issues += validateStatement(pool[i % pool.length], { version }).length;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (issues !== 0) throw new Error('the typical statement should be valid');
    rates.push(PER_ROUND / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] as number;
  console.log(`xAPI ${version}: ${Math.round(median).toLocaleString('en-US')} statements/s (median of ${ROUNDS} x ${PER_ROUND}; ${(1e6 / median).toFixed(2)} µs each)`);
}
