import request from 'supertest';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { parseConfig, type Config } from '../../src/server/config.ts';
import { buildContext, type AppContext } from '../../src/server/context.ts';
import { createApp } from '../../src/server/app.ts';
import { resolveSessionSecret } from '../../src/server/boot.ts';
import { createLogger } from '../../src/server/logger.ts';
import { hashPassword } from '../../src/server/accounts/password.ts';
import type { Role } from '../../src/server/accounts/roles.ts';
import type { User } from '../../src/server/accounts/user.ts';
import { createTestDatabase } from './database.ts';

/** A clock tests can move: `clock.advance(minutes)`. */
export interface MovableClock {
  now: () => Date;
  advanceMinutes(minutes: number): void;
  set(date: Date): void;
}

export function movableClock(start = new Date('2026-11-26T09:00:00.000Z')): MovableClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advanceMinutes: (m) => {
      current += m * 60_000;
    },
    set: (d) => {
      current = d.getTime();
    },
  };
}

export interface TestApp {
  app: Express;
  ctx: AppContext;
  clock: MovableClock;
  close(): Promise<void>;
}

export const TEST_BASE_URL = 'http://tremplin.test';
/** The public verification site certificates point to (issuing refuses the intranet's own address). */
export const TEST_VERIFY_BASE_URL = 'https://verif.cap-avenir.test';
/** Given in the environment, so that tests create no key file. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 11).toString('base64url');

/** The real app from the real factory, on a fresh database, with a movable clock. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = movableClock();
  const config: Config = parseConfig({ BASE_URL: TEST_BASE_URL, VERIFY_BASE_URL: TEST_VERIFY_BASE_URL, TREMPLIN_SECRET_KEY: TEST_SECRET_KEY, SESSION_SECRET: 's'.repeat(40), LOG_LEVEL: 'error', ...env });
  const ctx = buildContext({ ...config, databaseUrl: database.url }, database, clock.now, createLogger('error'));
  // SESSION_SECRET: '' gives the production path: the secret derived from the secret key.
  const app = createApp(ctx, config.sessionSecret ?? (await resolveSessionSecret(ctx)));
  return { app, ctx, clock, close: () => database.close() };
}

/** An account with a password of our choosing, already changed (no one-time password step). */
export async function createUser(ctx: AppContext, role: Role, login: string, password = 'motdepasse-solide', displayName?: string): Promise<User> {
  const { user } = await ctx.services.accounts.createUser({ role, login, displayName: displayName ?? `Test ${login}` }, { ip: null, actorId: null });
  await ctx.repositories.users.setPassword(user.id, await hashPassword(password), false, ctx.clock().toISOString());
  return (await ctx.repositories.users.findById(user.id)) as User;
}

/** The CSRF token from the hidden field of the page at `path`. */
export async function csrfFrom(agent: request.Agent, path: string): Promise<string> {
  const res = await agent.get(path);
  const token = cheerio.load(res.text)('input[name=_csrf]').first().val();
  if (typeof token !== 'string' || token === '') throw new Error(`no CSRF token on ${path} (status ${res.status})`);
  return token;
}

/** A supertest agent logged in as `login`, keeping its session cookie. */
export async function loginAs(app: Express, login: string, password = 'motdepasse-solide'): Promise<request.Agent> {
  const agent = request.agent(app);
  const csrf = await csrfFrom(agent, '/login');
  const res = await agent.post('/login').type('form').send({ login, password, _csrf: csrf });
  if (res.status !== 303) throw new Error(`login as ${login} failed with ${res.status}`);
  return agent;
}

export { cheerio };
