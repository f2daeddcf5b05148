/**
 * The floor's storage on SQLite: bare better-sqlite3 with the production connection settings
 * (WAL, synchronous=FULL: see src/server/db/connection.ts), one prepared insert, one
 * transaction per batch, no validation. See floor-rows.ts for what a row holds.
 */
import BetterSqlite3 from 'better-sqlite3';
import { createStoredIdGenerator } from '../../src/lrs/storage/stored-id.ts';
import { floorRow, floorSchema, floorSql, type FloorQuery } from './floor-rows.ts';

export interface FloorStore {
  storeBatch(statements: Array<Record<string, unknown>>): Promise<void>;
  run(query: FloorQuery): Promise<Array<{ sid: string; full: string }>>;
  close(): Promise<void>;
}

export function openSqliteFloorStore(file: string): FloorStore {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  for (const statement of floorSchema()) db.exec(statement);
  const insert = db.prepare(
    'insert into floor_statement (sid, statement_id, stored, ref_target, "full", agent, verb, activity, registration, parent) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ids = createStoredIdGenerator(() => new Date());
  const store = db.transaction((statements: Array<Record<string, unknown>>) => {
    for (const s of statements) {
      const { sid, stored } = ids.next();
      const r = floorRow(s, sid, stored.toISOString());
      insert.run(r.sid, r.statementId, r.stored, r.refTarget, r.full, r.agent, r.verb, r.activity, r.registration, r.parent);
    }
  });
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    storeBatch: async (statements) => store(statements),
    async run(query) {
      const { text, params } = floorSql(query);
      let statement = prepared.get(text);
      if (!statement) prepared.set(text, (statement = db.prepare(text)));
      return statement.all(...params) as Array<{ sid: string; full: string }>;
    },
    close: async () => {
      db.close();
    },
  };
}
