/**
 * npm run bench:lrs — the LRS against a bare "floor" server on the same machine.
 *   BENCH_N (statements, default 100000), BENCH_CLIENTS (4), BENCH_BATCH (100),
 *   BENCH_QUERIES (timed requests per query kind, 200), BENCH_LIMIT (page size, 100)
 *   BENCH_PRELOAD=1: skip the HTTP ingest; fill each database in-process (the LRS through its own
 *   service, with validation; the floor through its store), then time the queries of both
 *   servers (to reach 1M stored quickly). The in-process ingest rates are printed too.
 *   DATABASE_URL=postgres://...: both run on PostgreSQL, each in a schema of its own (dropped at
 *   the end); default: temporary SQLite files with the production settings (WAL, synchronous=FULL).
 * The floor (bench/lrs/floor-*.ts) does the least an LRS must do: parse, assign stored ids, insert
 * the whole JSON and the indexed filter columns, one transaction per batch, no validation, no auth.
 * Both servers are child processes and take the same request bodies (generated before the clock
 * starts) from the same HTTP clients. Prints a table: ours, the floor's, the ratio.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLrs } from '../src/lrs/index.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { migrateToLatest } from '../src/server/db/migrator.ts';
import { openSqliteFloorStore, type FloorStore } from './lrs/floor-store.ts';
import { openPgFloorStore } from './lrs/floor-store-pg.ts';
import { activityId, learner, makeBatch, moduleId, prng, registrationOf, shapeFor, verbId } from './lrs/data.ts';

const N = Number(process.env.BENCH_N ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 100);
const shape = shapeFor(N);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lrs-'));
const PG_URL = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const dialect = PG_URL ? 'postgres' : 'sqlite';

/** Where each system keeps its data: a SQLite file, or a PostgreSQL schema of its own. */
interface Place {
  url: string;
  file?: string;
  schema?: string;
}

async function pgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function newPlace(name: string): Promise<Place> {
  if (!PG_URL) {
    const file = path.join(tmp, `${name}.db`);
    return { url: `sqlite:${file}`, file };
  }
  const schema = `bench_${name}_${process.pid}`;
  await pgAdmin((c) => c.query(`drop schema if exists ${schema} cascade; create schema ${schema}`));
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

async function placeMb(place: Place): Promise<number> {
  if (place.file) return [place.file, `${place.file}-wal`].filter((f) => fs.existsSync(f)).reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1048576;
  const bytes = await pgAdmin(async (c) =>
    (await c.query<{ bytes: string }>(`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'`, [place.schema])).rows[0].bytes,
  );
  return Number(bytes) / 1048576;
}

async function dropPlace(place: Place): Promise<void> {
  if (place.schema) await pgAdmin((c) => c.query(`drop schema if exists ${place.schema} cascade`));
}

interface Server {
  name: string;
  child: ChildProcess;
  endpoint: string;
  headers: Record<string, string>;
  place: Place;
}

async function waitForLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(line);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function startLrs(port: number, place: Place): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/lrs/support/serve-lrs.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: place.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = JSON.parse(await waitForLine(child)) as { key: string; secret: string; endpoint: string };
  const auth = `Basic ${Buffer.from(`${info.key}:${info.secret}`).toString('base64')}`;
  return { name: 'LRS', child, endpoint: info.endpoint, place, headers: { Authorization: auth, 'X-Experience-API-Version': '2.0.0' } };
}

async function startFloor(port: number, place: Place): Promise<Server> {
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), DB_FILE: place.file, DATABASE_URL: place.file ? undefined : place.url };
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lrs/floor-server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await waitForLine(child);
  return { name: 'floor', child, endpoint: `http://127.0.0.1:${port}/xapi`, place, headers: {} };
}

/** Request bodies, the same for both systems, made before the clock starts (up to 200k statements). */
const PREMADE = N <= 200_000;
const bodies: string[] = [];
if (PREMADE) {
  const random = prng(1000);
  const at = Date.now();
  for (let done = 0; done < N; done += BATCH) bodies.push(JSON.stringify(makeBatch(random, shape, Math.min(BATCH, N - done), at + done)));
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

async function ingest(server: Server): Promise<{ perSecond: number; maxRss: number; startMs: number; endMs: number }> {
  let maxRss = rssMb(server.child.pid as number);
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(server.child.pid as number))), 200);
  const batches = Math.ceil(N / BATCH);
  let next = 0;
  const startMs = Date.now();
  const client = async (c: number) => {
    const random = prng(1000 + c);
    for (;;) {
      const index = next++;
      if (index >= batches) return;
      const size = Math.min(BATCH, N - index * BATCH);
      const body = PREMADE ? bodies[index] : JSON.stringify(makeBatch(random, shape, size, startMs + index * BATCH));
      const res = await fetch(`${server.endpoint}/statements`, {
        method: 'POST',
        headers: { ...server.headers, 'Content-Type': 'application/json' },
        body,
      });
      if (res.status !== 200) throw new Error(`${server.name}: POST answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      if (index % 100 === 0) process.stderr.write(`\r${server.name}: ${Math.min(N, (index + 1) * BATCH)} / ${N}   `);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const endMs = Date.now();
  clearInterval(sampler);
  maxRss = Math.max(maxRss, rssMb(server.child.pid as number));
  process.stderr.write('\n');
  return { perSecond: N / ((endMs - startMs) / 1000), maxRss, startMs, endMs };
}

type QueryKind = { name: string; params: (random: () => number, sinceIso: string) => Record<string, string> };

const KINDS: QueryKind[] = [
  { name: 'agent', params: (r) => ({ agent: JSON.stringify(learner(Math.floor(r() * shape.learners))) }) },
  { name: 'verb', params: (r) => ({ verb: verbId(Math.floor(r() * 10)) }) },
  { name: 'activity', params: (r) => ({ activity: activityId(Math.floor(r() * shape.activities)) }) },
  { name: 'activity+related_activities', params: (r) => ({ activity: moduleId(Math.floor(r() * shape.activities)), related_activities: 'true' }) },
  { name: 'registration', params: (r) => ({ registration: registrationOf(Math.floor(r() * shape.learners), Math.floor(r() * shape.activities)) }) },
  {
    name: 'agent+verb+since',
    params: (r, since) => ({ agent: JSON.stringify(learner(Math.floor(r() * shape.learners))), verb: verbId(Math.floor(r() * 10)), since }),
  },
];

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function timed(server: Server, url: string): Promise<{ ms: number; body: { statements: unknown[]; more: string } }> {
  const start = process.hrtime.bigint();
  const res = await fetch(url, { headers: server.headers });
  const text = await res.text();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 200) throw new Error(`${server.name}: GET ${url} answered ${res.status}: ${text}`);
  return { ms, body: JSON.parse(text) as { statements: unknown[]; more: string } };
}

async function queries(server: Server, sinceIso: string): Promise<Map<string, { p50: number; p95: number; rows: number }>> {
  const results = new Map<string, { p50: number; p95: number; rows: number }>();
  for (const kind of KINDS) {
    const random = prng(42);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < QUERIES + 10; i += 1) {
      const params = new URLSearchParams({ ...kind.params(random, sinceIso), limit: String(LIMIT) });
      const { ms, body } = await timed(server, `${server.endpoint}/statements?${params}`);
      if (i >= 10) {
        times.push(ms);
        rows += body.statements.length;
      }
    }
    results.set(kind.name, { p50: percentile(times, 50), p95: percentile(times, 95), rows: rows / QUERIES });
  }
  // more paging: follow `more` links of a verb query
  const random = prng(7);
  const times: number[] = [];
  let rows = 0;
  const origin = new URL(server.endpoint).origin;
  while (times.length < QUERIES) {
    let page = await timed(server, `${server.endpoint}/statements?${new URLSearchParams({ verb: verbId(Math.floor(random() * 10)), limit: String(LIMIT) })}`);
    for (let i = 0; i < 10 && page.body.more && times.length < QUERIES; i += 1) {
      page = await timed(server, `${origin}${page.body.more}`);
      times.push(page.ms);
      rows += page.body.statements.length;
    }
  }
  results.set('more paging', { p50: percentile(times, 50), p95: percentile(times, 95), rows: rows / times.length });
  return results;
}

async function stop(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  if (server.child.exitCode === null) await new Promise((r) => server.child.once('exit', r));
}

async function measure(start: () => Promise<Server>) {
  const server = await start();
  try {
    const load = await ingest(server);
    const since = new Date(load.startMs + (load.endMs - load.startMs) / 2).toISOString();
    const times = await queries(server, since);
    return { load, times, mb: await placeMb(server.place) };
  } finally {
    await stop(server);
    await dropPlace(server.place);
  }
}

/** BENCH_PRELOAD: batches of 1000 straight into a store, no HTTP; returns statements/s. */
async function preload(name: string, storeBatch: (batch: Array<Record<string, unknown>>) => Promise<unknown>, startMs: number): Promise<{ rate: number; since: string }> {
  const random = prng(1);
  const begin = Date.now();
  for (let done = 0; done < N; done += 1000) {
    await storeBatch(makeBatch(random, shape, Math.min(1000, N - done), startMs + done) as Array<Record<string, unknown>>);
    if (done % 50000 === 0) process.stderr.write(`\rpreload ${name}: ${done} / ${N}   `);
  }
  process.stderr.write('\n');
  const end = Date.now();
  return { rate: N / ((end - begin) / 1000), since: new Date((begin + end) / 2).toISOString() };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log(`LRS benchmark on ${dialect}: N=${N}, ${CLIENTS} clients x batches of ${BATCH}, ${shape.learners} learners, ${shape.activities} activities, page size ${LIMIT}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, load average at start ${os.loadavg()[0].toFixed(1)}`);
const rows: string[][] = [['metric', 'LRS', 'floor', 'LRS/floor']];
let lrsTimes: Map<string, { p50: number; p95: number; rows: number }>;
let floorTimes: Map<string, { p50: number; p95: number; rows: number }>;
const floorPlace = await newPlace('floor');
const lrsPlace = await newPlace('lrs');
if (process.env.BENCH_PRELOAD === '1') {
  const startMs = Date.now();
  const floorStore: FloorStore = floorPlace.file ? openSqliteFloorStore(floorPlace.file) : await openPgFloorStore(floorPlace.url);
  const floorLoad = await preload('floor', (b) => floorStore.storeBatch(b), startMs);
  await floorStore.close();
  const database = await openDatabase(lrsPlace.url);
  await migrateToLatest(database);
  const lrs = createLrs({ db: database.shared, dialect: database.dialect, baseUrl: "http://127.0.0.1:18082" });
  const lrsLoad = await preload('LRS', (b) => lrs.service.storeStatements(b), startMs);
  await database.close();
  const timeQueries = async (server: Server) => {
    const since = server.name === 'LRS' ? lrsLoad.since : floorLoad.since;
    try {
      return await queries(server, since);
    } finally {
      await stop(server);
    }
  };
  floorTimes = await timeQueries(await startFloor(18083, floorPlace));
  lrsTimes = await timeQueries(await startLrs(18082, lrsPlace));
  rows.push(
    ['in-process ingest, batches of 1000 (statements/s)', fmt(lrsLoad.rate, 0), fmt(floorLoad.rate, 0), `${fmt((100 * lrsLoad.rate) / floorLoad.rate, 0)}%`],
    ['database size (MB)', fmt(await placeMb(lrsPlace), 0), fmt(await placeMb(floorPlace), 0), fmt((await placeMb(lrsPlace)) / (await placeMb(floorPlace)), 2)],
  );
  await dropPlace(floorPlace);
  await dropPlace(lrsPlace);
} else {
  const floor = await measure(() => startFloor(18083, floorPlace));
  const lrs = await measure(() => startLrs(18082, lrsPlace));
  lrsTimes = lrs.times;
  floorTimes = floor.times;
  rows.push(
    ['ingest (statements/s)', fmt(lrs.load.perSecond, 0), fmt(floor.load.perSecond, 0), `${fmt((100 * lrs.load.perSecond) / floor.load.perSecond, 0)}%`],
    ['max RSS during ingest (MB)', fmt(lrs.load.maxRss, 0), fmt(floor.load.maxRss, 0), fmt(lrs.load.maxRss / floor.load.maxRss, 2)],
    ['database size (MB)', fmt(lrs.mb, 0), fmt(floor.mb, 0), fmt(lrs.mb / floor.mb, 2)],
  );
}
for (const [name, ours] of lrsTimes) {
  const theirs = floorTimes.get(name) as { p50: number; p95: number; rows: number };
  rows.push([`p95 ${name} (ms, ~${fmt(ours.rows, 0)} rows)`, fmt(ours.p95, 2), fmt(theirs.p95, 2), fmt(ours.p95 / theirs.p95, 2)]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const [i, r] of rows.entries()) {
  console.log(`| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`);
  if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
}
console.log(`load average at end ${os.loadavg()[0].toFixed(1)} (the floor and the LRS run one after the other; other work on the machine skews both)`);
fs.rmSync(tmp, { recursive: true, force: true });
