import type { Kysely } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, dialectOf, type DatabaseHandle as Database } from '../../src/server/db/connection.ts';
import { adminQuery, createPostgresWorldSchema, sqliteTemplateFile, uniqueSchemaName } from './template-database.ts';

/** The URL the whole suite runs against: SQLite by default, PostgreSQL when DATABASE_URL says so. */
export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'sqlite:';
}

export function usingPostgres(): boolean {
  return dialectOf(testDatabaseUrl()) === 'postgres';
}

/**
 * A fresh, migrated database: a copy of the migrated template (test/helpers/template-database.ts),
 * a new SQLite file or a new PostgreSQL schema. close() removes it.
 */
export async function createTestDatabase(): Promise<Database & { url: string }> {
  if (process.env.TREMPLIN_TEST_TIER === 'unit') throw new Error('a unit test may not use a database: test/tiers/classify.ts put this file in the wrong tier');
  const url = testDatabaseUrl();
  if (dialectOf(url) === 'sqlite') {
    const file = path.join(os.tmpdir(), `tremplin-test-${crypto.randomBytes(6).toString('hex')}.db`);
    fs.copyFileSync(await sqliteTemplateFile(), file);
    const database = await openDatabase(`sqlite:${file}`);
    return {
      ...database,
      url: `sqlite:${file}`,
      close: async () => {
        await database.close();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }
  const schema = uniqueSchemaName('t');
  await createPostgresWorldSchema(url, schema);
  const database = await openDatabase(url, { pgSchema: schema, pgPoolSize: 4 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
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

/**
 * The test's database with no table types: for tests that read any table by name, the LRS's
 * included, or write rows the app's types would refuse (the database's own constraints are
 * what they test).
 */
export function anyTable(database: { shared: Kysely<object> }): Kysely<any> {
  return database.shared;
}
