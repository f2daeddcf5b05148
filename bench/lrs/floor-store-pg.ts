/**
 * The floor's storage on PostgreSQL: a bare pg pool, one multi-row insert per batch in one
 * transaction (the default synchronous_commit, as production), no validation.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { createStoredIdGenerator } from '../../src/lrs/storage/stored-id.ts';
import { floorRow, floorSchema, floorSql, toDollar } from './floor-rows.ts';
import type { FloorStore } from './floor-store.ts';

const COLUMNS = 10;

export async function openPgFloorStore(url: string): Promise<FloorStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  for (const statement of floorSchema()) await pool.query(statement);
  const ids = createStoredIdGenerator(() => new Date());
  return {
    async storeBatch(statements) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        // ids are drawn after the lock, as the LRS does, so stored order is commit order
        await client.query('select pg_advisory_xact_lock(7310399)');
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (const s of statements) {
          const { sid, stored } = ids.next();
          const r = floorRow(s, sid, stored.toISOString());
          const base = values.length;
          tuples.push(`(${Array.from({ length: COLUMNS }, (_, i) => `$${base + i + 1}`).join(', ')})`);
          values.push(r.sid, r.statementId, r.stored, r.refTarget, r.full, r.agent, r.verb, r.activity, r.registration, r.parent);
        }
        await client.query(
          `insert into floor_statement (sid, statement_id, stored, ref_target, "full", agent, verb, activity, registration, parent) values ${tuples.join(', ')}`,
          values,
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    async run(query) {
      const { text, params } = floorSql(query);
      return (await pool.query<{ sid: string; full: string }>({ name: `floor-${crypto.createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text: toDollar(text), values: params })).rows;
    },
    close: () => pool.end(),
  };
}
