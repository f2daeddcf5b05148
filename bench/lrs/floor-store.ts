/**
 * The floor's storage: the same tables, columns and term rows as the LRS, written with
 * better-sqlite3 prepared statements, one transaction per batch, no validation.
 */
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrator.ts';
import { ownTerms, statementRefTarget } from '../../src/lrs/statements/statement-terms.ts';
import { createStoredIdGenerator } from '../../src/lrs/storage/stored-id.ts';
import type { QueryPlan } from '../../src/lrs/statements/query-plan.ts';

export interface FloorStore {
  storeBatch(statements: Array<Record<string, unknown>>): void;
  run(plan: QueryPlan): Array<{ sid: string; full: string }>;
  close(): void;
}

export async function openFloorStore(file: string): Promise<FloorStore> {
  const schema = await openDatabase(`sqlite:${file}`);
  await migrateToLatest(schema);
  await schema.close();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insertStatement = db.prepare('insert into lrs_statement (sid, statement_id, stored, voided, ref_target, "full") values (?, ?, ?, 0, ?, ?)');
  const insertTerm = db.prepare('insert into lrs_statement_term (term, sid) values (?, ?)');
  const ids = createStoredIdGenerator(() => new Date());
  const authority = { objectType: 'Agent', name: 'floor', account: { homePage: 'http://floor', name: 'floor' } };
  const storeBatch = db.transaction((statements: Array<Record<string, unknown>>) => {
    for (const s of statements) {
      const { sid, stored } = ids.next();
      const full = { ...s, stored: stored.toISOString(), authority };
      insertStatement.run(sid, String(s.id), full.stored, statementRefTarget(full) ?? null, JSON.stringify(full));
      for (const t of ownTerms(full)) insertTerm.run(t, sid);
    }
  });
  const queries = new Map<string, BetterSqlite3.Statement>();
  function run(plan: QueryPlan): Array<{ sid: string; full: string }> {
    const key = plan.terms.length > 0 ? 't0.sid' : 's.sid';
    const from = plan.terms.length > 0 ? [...plan.terms.map((_, i) => `lrs_statement_term t${i}`), 'lrs_statement s'].join(' cross join ') : 'lrs_statement s';
    const where = ['s.voided = 0'];
    const params: unknown[] = [];
    plan.terms.forEach((t, i) => {
      where.push(`t${i}.term = ?`, i === 0 ? 's.sid = t0.sid' : `t${i}.sid = t0.sid`);
      params.push(t);
    });
    if (plan.from) (where.push(`${key} >= ?`), params.push(plan.from));
    if (plan.to) (where.push(`${key} < ?`), params.push(plan.to));
    if (plan.after) (where.push(`${key} ${plan.ascending ? '>' : '<'} ?`), params.push(plan.after));
    const sql = `select s.sid, s."full" from ${from} where ${where.join(' and ')} order by ${key} ${plan.ascending ? 'asc' : 'desc'} limit ?`;
    let statement = queries.get(sql);
    if (!statement) queries.set(sql, (statement = db.prepare(sql)));
    return statement.all(...params, plan.limit + 1) as Array<{ sid: string; full: string }>;
  }
  return { storeBatch, run, close: () => db.close() };
}
