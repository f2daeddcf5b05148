/**
 * Durability: the real server (src/server/main.ts) runs as a child process; clients ingest
 * batches; the server is killed with SIGKILL mid-ingest and restarted. Every acknowledged
 * statement must be there, and every batch must be stored whole or not at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { freePort } from '../../helpers/free-port.ts';
import pg from 'pg';
import { openDatabase } from '../../../src/server/db/connection.ts';
import { migrateToLatest } from '../../../src/server/db/migrator.ts';
import { createLrs } from '../../../src/lrs/index.ts';
import { testDatabaseUrl, usingPostgres } from '../../helpers/database.ts';
import { basicAuth } from '../support/test-lrs.ts';
import { makeStatement } from '../support/statements.ts';

// A free port per run: several test runs may share the machine.
let PORT = 0;
let BASE = '';

async function freshDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const suffix = crypto.randomBytes(5).toString('hex');
  if (!usingPostgres()) {
    const file = path.join(os.tmpdir(), `lrs-durability-${suffix}.db`);
    return { url: `sqlite:${file}`, drop: async () => ['', '-wal', '-shm'].forEach((x) => fs.rmSync(file + x, { force: true })) };
  }
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database lrs_durability_${suffix}`);
  await admin.end();
  const url = new URL(testDatabaseUrl());
  url.pathname = `/lrs_durability_${suffix}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: testDatabaseUrl() });
      await c.connect();
      await c.query(`drop database if exists lrs_durability_${suffix} with (force)`);
      await c.end();
    },
  };
}

function startServer(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: databaseUrl, BASE_URL: BASE, NODE_ENV: 'production', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitUntilUp(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${BASE}/xapi/about`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

describe('LRS durability: kill -9 of the real server loses no acknowledged statement', function () {
  this.timeout(240_000);

  it('keeps every acknowledged batch, and stores each batch whole or not at all', async () => {
    PORT = await freePort();
    BASE = `http://127.0.0.1:${PORT}`;
    const { url, drop } = await freshDatabaseUrl();
    let child: ChildProcess | undefined;
    try {
      // the credential is made the way the CLI does it: through the LRS on the same database
      const database = await openDatabase(url);
      await migrateToLatest(database);
      const auth = basicAuth(await createLrs({ db: database.shared, dialect: database.dialect, baseUrl: BASE }).credentials.create({ name: 'durability', scopes: ['all'] }));
      await database.close();

      child = startServer(url);
      await waitUntilUp(child);
      const acknowledged: string[][] = [];
      const sent: string[][] = [];
      const failures: string[] = [];
      let stop = false;
      const client = async () => {
        while (!stop) {
          const batch = Array.from({ length: 50 }, () => makeStatement());
          sent.push(batch.map((s) => s.id as string));
          try {
            const res = await fetch(`${BASE}/xapi/statements`, {
              method: 'POST',
              headers: { Authorization: auth, 'X-Experience-API-Version': '2.0.0', 'Content-Type': 'application/json' },
              body: JSON.stringify(batch),
            });
            if (res.status === 200) acknowledged.push((await res.json()) as string[]);
            else failures.push(`${res.status}: ${await res.text()}`);
          } catch {
            return; // the server died under us
          }
          if (failures.length > 5) return;
        }
      };
      const clients = Array.from({ length: 4 }, client);
      const deadline = Date.now() + 60_000;
      while (acknowledged.length < 20 && failures.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(failures, 'POSTs refused before the kill').to.deep.equal([]);
      child.kill('SIGKILL');
      stop = true;
      await Promise.all(clients);
      await new Promise((r) => (child?.exitCode !== null || child?.signalCode ? r(null) : child?.once('exit', r)));
      expect(acknowledged.length).to.be.greaterThanOrEqual(20);

      child = startServer(url);
      await waitUntilUp(child);
      const has = async (id: string) => {
        const res = await fetch(`${BASE}/xapi/statements?statementId=${id}`, { headers: { Authorization: auth, 'X-Experience-API-Version': '2.0.0' } });
        if (res.status !== 200 && res.status !== 404) throw new Error(`GET ${id} answered ${res.status}: ${await res.text()}`);
        return res.status === 200;
      };
      for (const batch of acknowledged) for (const id of batch) expect(await has(id), `acknowledged ${id}`).to.equal(true);
      for (const batch of sent) {
        const present = await Promise.all(batch.map(has));
        expect(new Set(present).size, 'a batch was stored in part').to.equal(1);
      }
    } finally {
      child?.kill('SIGKILL');
      await drop();
    }
  });
});
