import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, dialectOf, type Database } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrator.ts';

/** The URL the whole suite runs against: SQLite by default, PostgreSQL when DATABASE_URL says so. */
export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'sqlite:';
}

export function usingPostgres(): boolean {
  return dialectOf(testDatabaseUrl()) === 'postgres';
}

/**
 * A fresh, migrated database built by the production code: a new SQLite file, or a new schema
 * on the PostgreSQL server. close() removes it.
 */
export async function createTestDatabase(): Promise<Database & { url: string }> {
  const url = testDatabaseUrl();
  const suffix = crypto.randomBytes(6).toString('hex');
  if (dialectOf(url) === 'sqlite') {
    const file = path.join(os.tmpdir(), `tremplin-test-${suffix}.db`);
    const database = await openDatabase(`sqlite:${file}`);
    await migrateToLatest(database);
    return {
      ...database,
      url: `sqlite:${file}`,
      close: async () => {
        await database.close();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }
  const schema = `t_${suffix}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = await openDatabase(url, { pgSchema: schema, pgPoolSize: 4 });
  await migrateToLatest(database);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/**
 * A DATABASE_URL for a child process (CLI, real server) pointing at a fresh, empty place: a new
 * SQLite file, or a new PostgreSQL schema selected through the connection's search_path.
 */
export async function createChildDatabaseUrl(): Promise<{ url: string; cleanup(): Promise<void> }> {
  const url = testDatabaseUrl();
  const suffix = crypto.randomBytes(6).toString('hex');
  if (dialectOf(url) === 'sqlite') {
    const file = path.join(os.tmpdir(), `tremplin-child-${suffix}.db`);
    return {
      url: `sqlite:${file}`,
      cleanup: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }
  const schema = `c_${suffix}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: withSchema.toString(),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
