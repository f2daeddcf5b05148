/**
 * npm run bench:trainer — the trainer's pages on a cohort of 24 learners with about six months
 * of activity (~100,000 statements), through the real app over HTTP.
 *   DATABASE_URL (default: a temporary SQLite file), BENCH_LEARNERS (24), BENCH_DAYS (130 weekdays),
 *   BENCH_RENDERS (200 timed renders per page)
 * Statements are written through ctx.lrs.service.storeStatements (the players' path, so the
 * progress projection and the digests follow), one batch per learner-day, with the clock set to
 * that day. Then the server "starts": the database is opened again and a new context and app are
 * built on it, as main.ts does, and the first board render is timed on that fresh process state.
 * The floor is GET /healthz on the same app in the same run (session, pipeline, one query).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import * as cheerio from 'cheerio';
import { parseConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { migrateToLatest } from '../src/server/db/migrator.ts';
import { buildContext } from '../src/server/context.ts';
import { createApp } from '../src/server/app.ts';
import { createLogger } from '../src/server/logger.ts';
import { hashPassword } from '../src/server/accounts/password.ts';
import { importCourseLibrary } from '../src/server/courses/import/import-course-library.ts';
import { ActivityGenerator, prng } from './trainer-seed.ts';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 24);
const DAYS = Number(process.env.BENCH_DAYS ?? 130);
const RENDERS = Number(process.env.BENCH_RENDERS ?? 200);
const BASE_URL = 'http://tremplin.bench';
const PASSWORD = 'motdepasse-de-bench';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-trainer-'));
const url = process.env.DATABASE_URL ?? `sqlite:${path.join(tmp, 'trainer.db')}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Weekdays going back from the last one, oldest first, as ms at 08:30 UTC (09:30 or 10:30 Paris). */
function workshopDays(count: number, last: Date): number[] {
  const days: number[] = [];
  const d = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate(), 8, 30));
  while (days.length < count) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.getTime());
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return days.reverse();
}

async function main(): Promise<void> {
  const database = await openDatabase(url);
  await migrateToLatest(database);
  let now = Date.now();
  const clock = () => new Date(now);
  const config = parseConfig({ BASE_URL, SESSION_SECRET: 'b'.repeat(40), LOG_LEVEL: 'error', DATABASE_URL: url });
  const ctx = buildContext(config, database, clock, createLogger('error'));
  const origin = { ip: null, actorId: null };

  const t0 = performance.now();
  await importCourseLibrary(database.db, config.coursesDir, clock);
  const modules = await ctx.followup.catalogue.modules();
  const days = workshopDays(DAYS, new Date(now - 86_400_000));
  const startDate = new Date(days[0]).toISOString().slice(0, 10);
  const cohort = await ctx.services.cohorts.create({ name: 'Atelier bench', startDate, endDate: new Date(now + 30 * 86_400_000).toISOString().slice(0, 10) }, origin);
  for (const [position, m] of modules.entries()) {
    await database.db.insertInto('cohort_modules').values({ cohort_id: cohort.id, module_id: m.id, position: position + 1, prerequisite_module_id: null, assigned_at: clock().toISOString() }).execute();
  }
  const hash = await hashPassword(PASSWORD);
  const { user: trainer } = await ctx.services.accounts.createUser({ role: 'trainer', login: 'formateur-bench', displayName: 'Formateur Bench' }, origin);
  await ctx.repositories.users.setPassword(trainer.id, hash, false, clock().toISOString());
  await ctx.services.cohorts.addMember(cohort.id, trainer.id, origin);
  const learners: string[] = [];
  for (let i = 0; i < LEARNERS; i += 1) {
    const { user } = await ctx.services.accounts.createUser({ role: 'learner', login: `stagiaire-${i + 1}`, displayName: `Stagiaire ${i + 1}` }, origin);
    await ctx.services.cohorts.addMember(cohort.id, user.id, origin);
    learners.push(user.id);
  }

  // Six months of workshop days, in time order (stored times never go backwards).
  const generator = new ActivityGenerator(BASE_URL, modules, 42);
  const random = prng(7);
  const paces = learners.map(() => (modules.length / DAYS) * (0.6 + random() * 0.9));
  let stored = 0;
  const ingestStart = performance.now();
  for (const [dayIndex, dayStart] of days.entries()) {
    for (const [i, userId] of learners.entries()) {
      if (random() < 0.08) continue; // absent that day
      const batch = generator.day(userId, dayIndex, paces[i], dayStart + i * 60_000);
      now = dayStart + 8 * 3_600_000 + i * 1000;
      await ctx.lrs.service.storeStatements(batch);
      stored += batch.length;
    }
    if (dayIndex % 20 === 19) process.stdout.write(`  ${dayIndex + 1}/${days.length} days, ${stored} statements\n`);
  }
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  now = Date.now();
  const seedSeconds = (performance.now() - t0) / 1000;

  // A start: a new database handle, context and app on the seeded database (nothing in memory).
  await database.close();
  const restarted = await openDatabase(url);
  await migrateToLatest(restarted);
  const startCtx = buildContext(config, restarted, clock, createLogger('error'));
  await startCtx.learning.projection.catchUp();
  const app = createApp(startCtx, 'b'.repeat(40));
  // As in production (NODE_ENV=production): compiled templates are cached, not re-read per request.
  app.enable('view cache');
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  const agent = request.agent(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const csrf = cheerio.load((await agent.get('/login')).text)('input[name=_csrf]').val() as string;
  const login = await agent.post('/login').type('form').send({ login: 'formateur-bench', password: PASSWORD, _csrf: csrf });
  if (login.status !== 303) throw new Error(`login failed: ${login.status}`);

  async function time(pathOf: (i: number) => string, n: number): Promise<number[]> {
    const ms: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const start = performance.now();
      const res = await agent.get(pathOf(i));
      ms.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${pathOf(i)}: ${res.status}`);
    }
    return ms.sort((a, b) => a - b);
  }

  // The first board render after the start: the digests were kept during ingest, nothing to fold.
  const [cold] = await time(() => '/trainer', 1);
  const floor = await time(() => '/healthz', RENDERS);
  const board = await time(() => `/trainer?sort=${['name', 'score', 'time', 'last'][Math.floor(Math.random() * 4)]}`, RENDERS);
  const learner = await time((i) => `/trainer/learners/${learners[i % learners.length]}`, RENDERS);
  // A learner who just did something: their digest is recomputed on the next render.
  const fresh: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const userId = learners[i];
    await startCtx.lrs.service.storeStatements(generator.day(userId, DAYS, paces[i], Date.now() - 3_600_000).slice(0, 3));
    fresh.push(...(await time(() => `/trainer/learners/${userId}`, 1)));
  }
  fresh.sort((a, b) => a - b);

  const statementCount = (await startCtx.lrs.service.queryStatements({ limit: 1 })).statements.length > 0 ? stored : 0;
  const floorP50 = percentile(floor, 50);
  const row = (name: string, ms: number[]) =>
    `| ${name.padEnd(36)} | ${String(ms.length).padStart(5)} | ${percentile(ms, 50).toFixed(1).padStart(7)} | ${percentile(ms, 95).toFixed(1).padStart(7)} | ${ms[ms.length - 1].toFixed(1).padStart(7)} | ${(percentile(ms, 95) / floorP50).toFixed(1).padStart(15)} |`;
  process.stdout.write(
    [
      '',
      `bench:trainer on ${database.dialect}: ${LEARNERS} learners, ${days.length} workshop days, ${statementCount} statements (${(statementCount / ingestSeconds).toFixed(0)} statements/s through storeStatements, digests and projection included), seeded in ${seedSeconds.toFixed(0)} s, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`,
      '',
      '| page                                 | runs  | p50 ms  | p95 ms  | max ms  | p95 / floor p50 |',
      '|--------------------------------------|-------|---------|---------|---------|-----------------|',
      row('/healthz (floor)', floor),
      row('/trainer (board, first render)', [cold]),
      row('/trainer (board)', board),
      row('/trainer/learners/:id', learner),
      row('/trainer/learners/:id after new work', fresh),
      '',
      `targets: first render <= 300 ms ${cold <= 300 ? 'met' : 'NOT met'}; board p95 <= 100 ms ${percentile(board, 95) <= 100 ? 'met' : 'NOT met'}; learner page after new work p95 <= 60 ms ${percentile(fresh, 95) <= 60 ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
  server.close();
  await restarted.close();
  if (process.env.BENCH_KEEP) process.stdout.write(`database kept: ${url}\n`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:trainer failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
