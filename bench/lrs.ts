/**
 * npm run bench:lrs — the LRS against a bare "floor" server on the same machine.
 *   BENCH_N (statements, default 100000), BENCH_CLIENTS (4), BENCH_BATCH (100),
 *   BENCH_QUERIES (timed requests per query kind, 200), BENCH_LIMIT (page size, 100)
 *   BENCH_PRELOAD=1: skip the HTTP ingest; fill one database directly with the floor's writer
 *   (same rows) and time the queries of both servers on it (to reach 1M stored quickly).
 * Both servers run as child processes on temporary SQLite files (synchronous=FULL, WAL) and take
 * the same statements over the same HTTP client. Prints a table: ours, the floor's, the ratio.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFloorStore } from './lrs/floor-store.ts';
import { activityId, learner, makeBatch, moduleId, prng, registrationOf, shapeFor, verbId } from './lrs/data.ts';

const N = Number(process.env.BENCH_N ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 100);
const shape = shapeFor(N);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lrs-'));

interface Server {
  name: string;
  child: ChildProcess;
  endpoint: string;
  headers: Record<string, string>;
  file: string;
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

async function startLrs(port: number, file = path.join(tmp, 'lrs.db')): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/lrs/support/serve-lrs.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${file}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = JSON.parse(await waitForLine(child)) as { key: string; secret: string; endpoint: string };
  const auth = `Basic ${Buffer.from(`${info.key}:${info.secret}`).toString('base64')}`;
  return { name: 'LRS', child, endpoint: info.endpoint, file, headers: { Authorization: auth, 'X-Experience-API-Version': '2.0.0' } };
}

async function startFloor(port: number, file = path.join(tmp, 'floor.db')): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lrs/floor-server.ts'], {
    env: { ...process.env, PORT: String(port), DB_FILE: file },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await waitForLine(child);
  return { name: 'floor', child, endpoint: `http://127.0.0.1:${port}/xapi`, file, headers: {} };
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
      const body = JSON.stringify(makeBatch(random, shape, size, startMs + index * BATCH));
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

async function measure(start: () => Promise<Server>) {
  const server = await start();
  try {
    const load = await ingest(server);
    const since = new Date(load.startMs + (load.endMs - load.startMs) / 2).toISOString();
    const times = await queries(server, since);
    return { load, times, dbBytes: fs.statSync(server.file).size };
  } finally {
    server.child.kill('SIGTERM');
  }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log(`LRS benchmark: N=${N}, ${CLIENTS} clients x batches of ${BATCH}, ${shape.learners} learners, ${shape.activities} activities, page size ${LIMIT}, ${os.cpus().length} CPUs, node ${process.version}, load average at start ${os.loadavg()[0].toFixed(1)}`);
const rows: string[][] = [['metric', 'LRS', 'floor', 'LRS/floor']];
let lrsTimes: Map<string, { p50: number; p95: number; rows: number }>;
let floorTimes: Map<string, { p50: number; p95: number; rows: number }>;
if (process.env.BENCH_PRELOAD === '1') {
  const file = path.join(tmp, 'preload.db');
  const store = await openFloorStore(file);
  const random = prng(1);
  const startMs = Date.now();
  for (let done = 0; done < N; done += 1000) {
    store.storeBatch(makeBatch(random, shape, Math.min(1000, N - done), startMs + done) as Array<Record<string, unknown>>);
    if (done % 50000 === 0) process.stderr.write(`\rpreload: ${done} / ${N}   `);
  }
  store.close();
  const endMs = Date.now();
  process.stderr.write('\n');
  console.log(`preloaded ${N} statements directly in ${fmt((endMs - startMs) / 1000)} s`);
  const since = new Date(startMs + (endMs - startMs) / 2).toISOString();
  const timeQueries = async (server: Server) => {
    try {
      return await queries(server, since);
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
  };
  floorTimes = await timeQueries(await startFloor(18083, file));
  lrsTimes = await timeQueries(await startLrs(18082, file));
  rows.push(['database file (MB)', fmt(fs.statSync(file).size / 1048576, 0), 'same file', '']);
} else {
  const floor = await measure(() => startFloor(18083));
  const lrs = await measure(() => startLrs(18082));
  lrsTimes = lrs.times;
  floorTimes = floor.times;
  rows.push(
    ['ingest (statements/s)', fmt(lrs.load.perSecond, 0), fmt(floor.load.perSecond, 0), `${fmt((100 * lrs.load.perSecond) / floor.load.perSecond, 0)}%`],
    ['max RSS during ingest (MB)', fmt(lrs.load.maxRss, 0), fmt(floor.load.maxRss, 0), fmt(lrs.load.maxRss / floor.load.maxRss, 2)],
    ['database file (MB)', fmt(lrs.dbBytes / 1048576, 0), fmt(floor.dbBytes / 1048576, 0), fmt(lrs.dbBytes / floor.dbBytes, 2)],
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
