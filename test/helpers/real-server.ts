/**
 * The real server (src/server/main.ts) as a child process on a test's own database, and a tiny
 * cookie-keeping browser to drive it: for the crash tests, which kill it with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as cheerio from 'cheerio';
import type { AppContext } from '../../src/server/context.ts';
import { TEST_SECRET_KEY, TEST_VERIFY_BASE_URL } from './app.ts';
import { freePort } from './free-port.ts';

/** A DATABASE_URL that reaches the test's database: the SQLite file, or the PostgreSQL schema. */
export function childDatabaseUrl(ctx: AppContext): string {
  const { databaseUrl } = ctx.config;
  const { schema } = ctx.database;
  if (!schema) return databaseUrl;
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Starts the server and waits until it answers; rejects if it exits first. */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    // The test apps' secret key and verification site: the server reads what the test wrote.
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error', SESSION_SECRET: 's'.repeat(40), TREMPLIN_SECRET_KEY: TEST_SECRET_KEY, VERIFY_BASE_URL: TEST_VERIFY_BASE_URL, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 450; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    if (await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

/** SIGKILL, and wait until the process is gone. */
export async function killServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((r) => server.once('exit', r));
  server.kill('SIGKILL');
  await gone;
}

/** One cookie jar, no redirects followed. */
export function browser(base: string) {
  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    /** `body` and `type` for downloads (a PDF, a JWKS); `$` parses an HTML answer. */
    async get(path: string): Promise<{ status: number; $: cheerio.CheerioAPI; body: Buffer; type: string }> {
      const res = await fetch(base + path, { headers: { cookie: cookie() }, redirect: 'manual' });
      remember(res);
      const body = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, $: cheerio.load(type.includes('html') ? body.toString('utf8') : ''), body, type };
    },
    async post(path: string, form: Record<string, string | string[]>): Promise<{ status: number; location: string | null }> {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      const res = await fetch(base + path, { method: 'POST', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
      remember(res);
      await res.arrayBuffer();
      return { status: res.status, location: res.headers.get('location') };
    },
    async login(login: string, password = 'motdepasse-solide'): Promise<number> {
      const page = await this.get('/login');
      return (await this.post('/login', { _csrf: String(page.$('input[name=_csrf]').val()), login, password })).status;
    },
  };
}

/**
 * One crash point: post the form, kill the server `delay` ms later (the next of `delays`, in
 * turn), restart it, check the invariants, post the same form again, check them again, and
 * require that the action is done once. Counts the kills that landed after the commit.
 */
export function crashPoints(options: { delays: number[]; kill(): Promise<void>; restart(): Promise<void>; invariants(): Promise<unknown> }) {
  const counts = { crashes: 0, committedBeforeKill: 0 };
  return {
    counts,
    async crashAndRetry(action: string, post: () => Promise<{ status: number }>, progressOf: () => Promise<string>): Promise<void> {
      const delay = options.delays[counts.crashes % options.delays.length];
      const before = await progressOf();
      const inFlight = post().catch(() => null);
      await new Promise((r) => setTimeout(r, delay));
      await options.kill();
      await inFlight;
      counts.crashes += 1;
      await options.restart();
      await options.invariants();
      if ((await progressOf()) !== before) counts.committedBeforeKill += 1;
      const retried = await post();
      if (retried.status !== 303) throw new Error(`retry of ${action} after a kill at ${delay} ms answered ${retried.status}, not 303`);
      await options.invariants();
      if ((await progressOf()) === before) throw new Error(`${action} not done after its retry (kill at ${delay} ms)`);
    },
  };
}

export interface RealServer {
  base: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The server in either mode, ready when /healthz answers (the verification site has no /login),
 * stopped with SIGTERM. `env` is the whole configuration: nothing is added but PORT.
 */
export async function startRealServer(env: Record<string, string>, port?: number): Promise<RealServer> {
  const listenOn = port ?? (await freePort());
  const base = `http://127.0.0.1:${listenOn}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env, PORT: String(listenOn) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 450; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return { base, port: listenOn, process: child, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error('server did not start');
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run tremplin -- <args>` as a child process; an `env` value undefined removes the variable. */
export async function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const merged: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'error', ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/main.ts', ...args], { env: merged as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stdout, stderr };
}
