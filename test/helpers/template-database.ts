/**
 * One migrated template database per test process, copied for each test world instead of
 * migrating every world again (issue 17: migrating was most of a world's set-up time).
 * SQLite: a template file, migrated then closed (so its WAL is folded in), copied byte for byte.
 * PostgreSQL: a template schema, migrated, then rebuilt for each world from its pg_dump text.
 * Both are built by the production migrator, so a world is exactly a migrated database.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrator.ts';

let sqliteTemplate: Promise<string> | undefined;
let pgTemplate: Promise<PostgresTemplate> | undefined;

/** The path of this process's migrated SQLite template file (built on first use). */
export function sqliteTemplateFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-template-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'template.db');
    const database = await openDatabase(`sqlite:${file}`);
    await migrateToLatest(database);
    await database.close(); // the last connection closing checkpoints the WAL into the file
    return file;
  })();
  return sqliteTemplate;
}

/** Runs SQL on the server of `url` through a short-lived connection (several statements run as one transaction). */
export async function adminQuery(url: string, statements: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statements);
  } finally {
    await admin.end();
  }
}

export function uniqueSchemaName(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
}

interface PostgresTemplate {
  url: string;
  schema: string;
  /** The SQL that builds a copy of the template schema named WORLD; null if pg_dump could not be run. */
  script: string | null;
}

/**
 * A schema migrated once, and the SQL that rebuilds it: pg_dump's schema-only text (tables,
 * indexes, constraints, exactly as migrated) plus a copy of the rows migrations left (Kysely's
 * own bookkeeping). Running that script is a third of the cost of migrating, and much cheaper
 * than CREATE DATABASE ... TEMPLATE, which copies a whole catalogue per world.
 */
function postgresTemplate(url: string): Promise<PostgresTemplate> {
  pgTemplate ??= (async () => {
    const schema = uniqueSchemaName('tpl');
    await adminQuery(url, `CREATE SCHEMA ${schema}`);
    const database = await openDatabase(url, { pgSchema: schema, pgPoolSize: 1 });
    try {
      await migrateToLatest(database);
      const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(database.db);
      const filled: string[] = [];
      for (const { name } of tables.rows) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${schema}.${name}`)}`.execute(database.db);
        if (rows[0].n > 0) filled.push(name);
      }
      return { url, schema, script: dumpScript(url, schema, filled) };
    } finally {
      await database.close();
    }
  })();
  return pgTemplate;
}

const WORLD = '__world_schema__';

/** pg_dump's DDL for `schema` renamed WORLD, without psql meta-commands, then the rows of `filled` copied from the template. */
function dumpScript(url: string, schema: string, filled: string[]): string | null {
  const dump = spawnSync('pg_dump', ['--schema-only', `--schema=${schema}`, '--no-owner', '--no-privileges', url], { encoding: 'utf8' });
  if (dump.status !== 0) {
    console.warn(`test databases: pg_dump unavailable (${dump.error?.message ?? dump.stderr.trim()}); each world is migrated instead`);
    return null;
  }
  // The template's name is random hex, so it occurs in the dump only as the schema's name.
  const ddl = dump.stdout.split('\n').filter((line) => !line.startsWith('\\')).join('\n').replaceAll(schema, WORLD);
  return ddl + filled.map((table) => `\nINSERT INTO ${WORLD}."${table}" SELECT * FROM ${schema}."${table}";`).join('');
}

/** Creates `schema` as a copy of the migrated template (or migrates it, when pg_dump could not be run). */
export async function createPostgresWorldSchema(url: string, schema: string): Promise<void> {
  const template = await postgresTemplate(url);
  if (template.script === null) {
    await adminQuery(url, `CREATE SCHEMA ${schema}`);
    const database = await openDatabase(url, { pgSchema: schema, pgPoolSize: 1 });
    await migrateToLatest(database).finally(() => database.close());
    return;
  }
  await adminQuery(url, template.script.replaceAll(WORLD, schema));
}

/** Drops the PostgreSQL template schema, if this process built one (mocha's root afterAll hook). */
export async function dropPostgresTemplate(): Promise<void> {
  if (!pgTemplate) return;
  const { url, schema } = await pgTemplate;
  pgTemplate = undefined;
  await adminQuery(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
