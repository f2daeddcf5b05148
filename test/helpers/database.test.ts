import fs, { existsSync } from 'node:fs';
import { expect } from 'chai';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, sqlitePathOf, type DatabaseHandle } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrator.ts';
import { allMigrations } from '../../src/server/db/migrations.ts';
import { createTestDatabase, testDatabaseUrl } from './database.ts';
import { adminQuery, uniqueSchemaName } from './template-database.ts';

/** Tables every world must hold, one per area, written out (not read from the migrations). */
const SOME_TABLES = ['lrs_statement', 'users', 'course_versions', 'learner_item_progress', 'roleplay_calls', 'certificates', 'followup_learner_digest', 'authoring_drafts'];

async function tablesOf(database: Awaited<ReturnType<typeof createTestDatabase>>): Promise<string[]> {
  const rows =
    database.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(database.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${database.schema}`.execute(database.db);
  return rows.rows.map((r) => r.name);
}

describe('test database', () => {
  it('is a real database that has run every migration and holds every area\'s tables', async () => {
    const database = await createTestDatabase();
    try {
      const result = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(Number(result.rows[0].one)).to.equal(1);
      const migrations = await database.db.selectFrom('kysely_migration').select('name').execute();
      expect(migrations.map((m) => m.name).sort()).to.deep.equal(Object.keys(allMigrations()).sort());
      expect(migrations.length).to.be.greaterThan(20);
      expect(await tablesOf(database)).to.include.members(SOME_TABLES);
    } finally {
      await database.close();
    }
  });
});

/** Every table, column, index and constraint, as sorted text lines with the schema name taken out. */
async function structureOf(database: DatabaseHandle): Promise<string[]> {
  if (database.dialect === 'sqlite') {
    const rows = await sql<{ type: string; name: string; sql: string | null }>`select type, name, sql from sqlite_master`.execute(database.db);
    return rows.rows.map((r) => `${r.type} ${r.name}: ${r.sql ?? ''}`).sort();
  }
  const schema = database.schema as string;
  const unqualified = (text: string) => text.split(`${schema}.`).join('');
  const columns = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as line
    from information_schema.columns where table_schema = ${schema}`.execute(database.db);
  const indexes = await sql<{ line: string }>`select indexname || ': ' || indexdef as line from pg_indexes where schemaname = ${schema}`.execute(database.db);
  const constraints = await sql<{ line: string }>`
    select c.conrelid::regclass::text || ' ' || c.conname || ': ' || pg_get_constraintdef(c.oid) as line
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = ${schema}`.execute(database.db);
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => unqualified(r.line)).sort();
}

describe('test database copied from the template', () => {
  it('has exactly the structure of a database migrated from scratch', async function () {
    this.timeout(120_000);
    const url = testDatabaseUrl();
    const copy = await createTestDatabase();
    const schema = uniqueSchemaName('m');
    const file = `/tmp/tremplin-migrated-${schema}.db`;
    if (copy.dialect === 'postgres') await adminQuery(url, `CREATE SCHEMA ${schema}`);
    const migrated = copy.dialect === 'sqlite' ? await openDatabase(`sqlite:${file}`) : await openDatabase(url, { pgSchema: schema, pgPoolSize: 1 });
    try {
      await migrateToLatest(migrated);
      const expected = await structureOf(migrated);
      expect(expected.length).to.be.greaterThan(50);
      expect(await structureOf(copy)).to.deep.equal(expected);
    } finally {
      await migrated.close();
      await copy.close();
      if (copy.dialect === 'postgres') await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    }
  });
});

describe('test databases side by side', () => {
  it('builds a second migrated database while the first is still open', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    try {
      await first.db.insertInto('app_settings').values({ key: 'k', value: 'first' }).execute();
      const inSecond = await second.db.selectFrom('app_settings').select('value').execute();
      expect(inSecond).to.deep.equal([]);
      expect(await first.db.selectFrom('app_settings').select('value').execute()).to.deep.equal([{ value: 'first' }]);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('removes a world on close', async () => {
    const database = await createTestDatabase();
    await database.close();
    if (database.dialect === 'sqlite') {
      expect(existsSync(sqlitePathOf(database.url))).to.equal(false);
    } else {
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      const { rows } = await c.query('select count(*)::int as n from information_schema.schemata where schema_name = $1', [database.schema]);
      await c.end();
      expect(rows[0].n).to.equal(0);
    }
  });
});
