/**
 * Issue 12: reading the database was enough to forge an admin session. Now the session secret
 * is derived from the secret key kept out of the database, and sessions are stored under the
 * SHA-256 of their id. Test: an admin is logged in; every value of every table is read; no
 * cookie made from any of them reaches /admin/users, even signed with the real secret.
 */
import crypto from 'node:crypto';
import { expect } from 'chai';
import { sql } from 'kysely';
import request from 'supertest';
import { resolveSessionSecret } from '../../../src/server/boot.ts';
import { storedSessionKey } from '../../../src/server/http/session-store.ts';
import { createTestApp, createUser, loginAs, type TestApp } from '../../helpers/app.ts';

/** What cookie-signature (used by express-session) writes: value.HMAC-SHA256 in base64 without padding. */
const signed = (value: string, secret: string) => `s:${value}.${crypto.createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')}`;
const cookie = (value: string) => `tremplin.sid=${encodeURIComponent(value)}`;

async function everyValue(t: TestApp): Promise<string[]> {
  const { db, dialect, schema } = t.ctx.database;
  const tables =
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${schema ?? 'public'}`.execute(db)).rows.map((r) => r.name);
  const values = new Set<string>();
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    for (const row of rows) for (const v of Object.values(row)) if (v !== null) values.add(String(v));
  }
  return [...values];
}

describe('secrets: a copy of the database does not give a session', function () {
  this.timeout(120_000);
  let t: TestApp;
  let admin: request.Agent;
  let liveSid: string;

  before(async () => {
    t = await createTestApp({ SESSION_SECRET: '' });
    await createUser(t.ctx, 'admin', 'root');
    admin = await loginAs(t.app, 'root');
    const res = await admin.get('/admin/users').expect(200);
    const raw = decodeURIComponent(/tremplin\.sid=([^;]+)/.exec(String(res.headers['set-cookie'] ?? ''))?.[1] ?? '');
    liveSid = /^s:([^.]+)\./.exec(raw)?.[1] ?? '';
  });
  after(() => t.close());

  it('keeps neither the live session id nor the session secret in the database', async () => {
    expect(liveSid).to.match(/^[\w-]{20,}$/);
    const values = await everyValue(t);
    const secret = await resolveSessionSecret(t.ctx);
    expect(values.some((v) => v.includes(liveSid))).to.equal(false);
    expect(values.some((v) => v.includes(secret))).to.equal(false);
    expect(values).to.include(storedSessionKey(liveSid));
  });

  it('refuses a cookie forged from any stored value, even signed with the real secret; the real login still works', async () => {
    const secret = await resolveSessionSecret(t.ctx);
    const values = await everyValue(t);
    expect(values.length).to.be.greaterThan(20);
    // Every value as it is and signed with the real secret; every stored session key signed with every value as a secret.
    const sessionKeys = values.filter((v) => /^[0-9a-f]{64}$/.test(v));
    expect(sessionKeys.length).to.be.greaterThan(0);
    const forged = [...values.flatMap((v) => [cookie(v), cookie(signed(v, secret))]), ...sessionKeys.flatMap((k) => values.map((s) => cookie(signed(k, s))))];
    const statuses = new Set<number>();
    for (const c of forged) {
      const res = await request(t.app).get('/admin/users').set('Cookie', c);
      statuses.add(res.status);
      expect(res.status, c.slice(0, 60)).to.be.oneOf([302, 303, 401, 403]);
    }
    expect([...statuses].every((s) => s !== 200)).to.equal(true);
    await admin.get('/admin/users').expect(200);
  });
});
