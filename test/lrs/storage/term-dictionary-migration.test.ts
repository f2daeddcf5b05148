import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { expect } from 'chai';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../../src/server/db/connection.ts';
import { migrateToLatest } from '../../../src/server/db/migrator.ts';
import { allMigrations } from '../../../src/server/db/migrations.ts';
import { createLrs } from '../../../src/lrs/index.ts';
import { testDatabaseUrl, usingPostgres } from '../../helpers/database.ts';

const BASE = 'http://lrs.test';
const DICTIONARY = '202612031800_lrs_term_dictionary';

class ListedProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

async function emptyDatabase(): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  const suffix = crypto.randomBytes(6).toString('hex');
  if (!usingPostgres()) {
    const file = path.join(os.tmpdir(), `tremplin-terms-${suffix}.db`);
    const database = await openDatabase(`sqlite:${file}`);
    return {
      ...database,
      drop: async () => {
        await database.close();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }
  const url = testDatabaseUrl();
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

async function migrateAllBut(database: DatabaseHandle, skipped: string): Promise<void> {
  const listed = Object.fromEntries(Object.entries(allMigrations()).filter(([name]) => name !== skipped));
  const migrator = new Migrator({
    db: database.db,
    provider: new ListedProvider(listed),
    allowUnorderedMigrations: true,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

const VERB = 'http://adlnet.gov/expapi/verbs/answered';
const ACTIVITY = 'http://lrs.test/activities/module-1/item-2';
const MBOX = 'mailto:lea@example.org';
const AUTH = 'agent|account|http://lrs.test|tremplin-lms';

/** A statement as the previous release stored it: its row and its text term rows. */
function oldStatement(n: number) {
  const sid = `0190a000-0000-7000-8000-00000000000${n}`;
  const id = `6f1e5d2c-0000-4000-8000-00000000000${n}`;
  const full = {
    id,
    actor: { objectType: 'Agent', mbox: MBOX },
    verb: { id: VERB },
    object: { objectType: 'Activity', id: ACTIVITY },
    timestamp: '2026-11-30T09:00:00.000Z',
    stored: '2026-11-30T09:00:00.000Z',
    authority: { objectType: 'Agent', name: 'Tremplin', account: { homePage: BASE, name: 'tremplin-lms' } },
    version: '1.0.0',
  };
  const terms = [`verb:${VERB}`, `agent:agent|mbox|${MBOX}`, `ragent:agent|mbox|${MBOX}`, `act:${ACTIVITY}`, `ract:${ACTIVITY}`, `auth:${AUTH}`, `ragent:${AUTH}`];
  return { sid, id, full, terms };
}

describe('LRS term dictionary migration (statements stored before it)', () => {
  let database: DatabaseHandle & { drop(): Promise<void> };
  before(async () => {
    database = await emptyDatabase();
    await migrateAllBut(database, DICTIONARY);
    for (const s of [oldStatement(1), oldStatement(2)]) {
      await sql`insert into lrs_statement (sid, statement_id, stored, voided, ref_target, "full") values (${s.sid}, ${s.id}, ${s.full.stored}, 0, null, ${JSON.stringify(s.full)})`.execute(database.db);
      for (const t of s.terms) await sql`insert into lrs_statement_term (term, sid) values (${t}, ${s.sid})`.execute(database.db);
    }
    await migrateToLatest(database);
  });
  after(() => database.drop());

  it('keeps every old link row, each term once in the dictionary', async () => {
    const terms = await sql<{ term: string }>`select term from lrs_term order by term`.execute(database.db);
    expect(terms.rows.map((r) => r.term)).to.deep.equal([
      `act:${ACTIVITY}`,
      `agent:agent|mbox|${MBOX}`,
      `auth:${AUTH}`,
      `ract:${ACTIVITY}`,
      `ragent:${AUTH}`,
      `ragent:agent|mbox|${MBOX}`,
      `verb:${VERB}`,
    ]);
    const links = await sql<{ n: number }>`select count(*) as n from lrs_statement_term_link`.execute(database.db);
    expect(Number(links.rows[0].n)).to.equal(14);
    const oldTable = await sql`select count(*) from lrs_statement_term`.execute(database.db).then(
      () => 'still there',
      () => 'dropped',
    );
    expect(oldTable).to.equal('dropped');
  });

  it('finds the old statements by every filter, and a new one with the same terms next to them', async () => {
    const lrs = createLrs({ db: database.shared, dialect: database.dialect, baseUrl: BASE });
    const byVerb = await lrs.service.queryStatements({ verb: VERB });
    expect(byVerb.statements.map((s) => s.id)).to.deep.equal(['6f1e5d2c-0000-4000-8000-000000000002', '6f1e5d2c-0000-4000-8000-000000000001']);
    const byAgent = await lrs.service.queryStatements({ agent: { objectType: 'Agent', mbox: MBOX }, activity: ACTIVITY });
    expect(byAgent.statements).to.have.length(2);
    expect((await lrs.service.queryStatements({ verb: 'http://adlnet.gov/expapi/verbs/failed' })).statements).to.have.length(0);

    const [newId] = await lrs.service.storeStatements([{ actor: { objectType: 'Agent', mbox: MBOX }, verb: { id: VERB }, object: { objectType: 'Activity', id: ACTIVITY } }]);
    const after = await lrs.service.queryStatements({ verb: VERB, agent: { objectType: 'Agent', mbox: MBOX } });
    expect(after.statements.map((s) => s.id)).to.deep.equal([newId, '6f1e5d2c-0000-4000-8000-000000000002', '6f1e5d2c-0000-4000-8000-000000000001']);
    const verbRows = await sql<{ n: number }>`select count(*) as n from lrs_term where term = ${`verb:${VERB}`}`.execute(database.db);
    expect(Number(verbRows.rows[0].n)).to.equal(1);
  });
});
