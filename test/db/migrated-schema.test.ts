import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { expect } from 'chai';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { openDatabase, type DatabaseHandle as Database } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrator.ts';
import { allMigrations } from '../../src/server/db/migrations.ts';
import { testDatabaseUrl, usingPostgres } from '../helpers/database.ts';

// The migrations of the previous release (main at 3a58bc0), written out so that a later edit of
// the list cannot make this test compare the latest schema with itself.
const previousRelease = [
  '202611261500_lrs_core',
  '202611261510_accounts_users',
  '202611261511_accounts_cohorts',
  '202611261512_accounts_audit_sessions_settings',
  '202611261520_courses_versions',
  '202611261600_learning_tables',
  '202611261530_calls_reviews',
  '202611261531_calls_roleplay_calls',
  '202611261610_calls_attempt',
  '202611261600_certificates_releases',
  '202611261601_certificates_registry',
  '202611261600_followup_attendance',
  '202611261601_followup_learner_digest',
  '202611261602_followup_digest_levels',
  '202611261630_authoring_drafts',
];

class ListedProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

/** An empty database of the suite's dialect, not migrated. */
async function emptyDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = testDatabaseUrl();
  const suffix = crypto.randomBytes(6).toString('hex');
  if (!usingPostgres()) {
    const file = path.join(os.tmpdir(), `tremplin-migrated-${suffix}.db`);
    const database = await openDatabase(`sqlite:${file}`);
    return {
      ...database,
      drop: async () => {
        await database.close();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }
  const schema = `m_${suffix}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = await openDatabase(url, { pgSchema: schema, pgPoolSize: 2 });
  return {
    ...database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

async function migrateToPreviousRelease(database: Database): Promise<void> {
  const all = allMigrations();
  const listed = Object.fromEntries(previousRelease.map((name) => [name, all[name]]));
  const migrator = new Migrator({
    db: database.db,
    provider: new ListedProvider(listed),
    allowUnorderedMigrations: true,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Tables, columns and indexes, as text lines sorted, with the schema name taken out. */
async function schemaOf(database: Database): Promise<string[]> {
  if (database.dialect === 'sqlite') {
    const rows = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
      select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%'`.execute(database.db);
    return rows.rows.map((r) => `${r.type} ${r.tbl_name}.${r.name}: ${r.sql ?? ''}`).sort();
  }
  const schema = database.schema ?? 'public';
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>`
    select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
    where table_schema = ${schema}`.execute(database.db);
  const indexes = await sql<{ tablename: string; indexname: string; indexdef: string }>`
    select tablename, indexname, indexdef from pg_indexes where schemaname = ${schema}`.execute(database.db);
  return [
    ...columns.rows.map((c) => `column ${c.table_name}.${c.column_name} ${c.data_type} ${c.is_nullable} ${c.column_default ?? ''}`),
    ...indexes.rows.map((i) => `index ${i.tablename}.${i.indexname}: ${i.indexdef.split(`${schema}.`).join('')}`),
  ].sort();
}

describe('Migrations: a database migrated from the previous release', function () {
  this.timeout(60_000);
  let fresh: Database & { drop(): Promise<void> };
  let migrated: Database & { drop(): Promise<void> };

  before(async () => {
    fresh = await emptyDatabase();
    migrated = await emptyDatabase();
    await migrateToLatest(fresh);
    await migrateToPreviousRelease(migrated);
    const now = '2026-11-30T09:00:00.000Z';
    await migrated.db
      .insertInto('users')
      .values({ id: 'u1', login: 'lea', login_key: 'lea', display_name: 'Léa', name_key: 'lea', role: 'learner', password_hash: 'x', created_at: now, updated_at: now })
      .execute();
    // Two calls left in progress on one item by parallel starts, as the previous release allowed.
    for (const [id, startedAt] of [['c-old', '2026-11-30T09:00:00.000Z'], ['c-new', '2026-11-30T09:00:05.000Z']]) {
      await migrated.db
        .insertInto('roleplay_calls')
        .values({ id, user_id: 'u1', module_id: 'm', item_id: 'i', version: 1, content_hash: 'h', registration: `r-${id}`, status: 'in_progress', revision: 0, state_json: '{}', started_at: startedAt, updated_at: startedAt })
        .execute();
    }
    // A module imported from disk (v1), then published in the browser (v2, with its sources).
    await migrated.db.insertInto('course_modules').values({ id: 'm', title: 'M', summary: 'S', latest_version: 2, created_at: now, updated_at: now }).execute();
    for (const version of [1, 2]) {
      await migrated.db.insertInto('course_versions').values({ module_id: 'm', version, content_hash: `h${version}`, format_version: 1, content: '{}', created_at: now }).execute();
    }
    await migrated.db.insertInto('authoring_version_files').values({ module_id: 'm', version: 2, files_json: '{}', created_at: now }).execute();
    await migrateToLatest(migrated);
  });

  after(async () => {
    await fresh?.drop();
    await migrated?.drop();
  });

  it('has the same tables, columns and indexes as a fresh database', async () => {
    const freshSchema = await schemaOf(fresh);
    expect(freshSchema.some((line) => line.includes('roleplay_calls_one_in_progress'))).to.equal(true);
    expect(await schemaOf(migrated)).to.deep.equal(freshSchema);
  });

  it('keeps the rows, leaving only the newest parallel call in progress', async () => {
    const users = await migrated.db.selectFrom('users').select(['id', 'login']).execute();
    expect(users).to.deep.equal([{ id: 'u1', login: 'lea' }]);
    const calls = await migrated.db.selectFrom('roleplay_calls').select(['id', 'status']).orderBy('id').execute();
    expect(calls).to.deep.equal([
      { id: 'c-new', status: 'in_progress' },
      { id: 'c-old', status: 'abandoned' },
    ]);
  });

  it('marks the versions published in the browser as such, so that the import of courses/ leaves them alone', async () => {
    const versions = await migrated.db.selectFrom('course_versions').select(['version', 'origin']).orderBy('version').execute();
    expect(versions.map((v) => [Number(v.version), v.origin])).to.deep.equal([[1, 'disk'], [2, 'authoring']]);
  });
});
