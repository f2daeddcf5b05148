/**
 * Statement storage: the only code that knows the statement tables. Commands and queries are
 * kept apart; the service runs the commands of one batch inside `transaction`.
 */
import { sql, type Kysely } from 'kysely';
import { lockStatementWrites, storableKey, type LrsDialect } from '../storage/dialect.ts';
import type { LrsTables } from '../storage/tables.ts';
import { createTermIdCache, type TermIdCache } from '../storage/term-ids.ts';
import { isObject, type JsonObject } from '../types.ts';
import type { QueryPlan } from './query-plan.ts';

export interface StoredRow {
  sid: string;
  statementId: string;
  full: string;
  voided: boolean;
  refTarget: string | null;
}

export interface NewStatementRow {
  sid: string;
  statementId: string;
  stored: string;
  refTarget: string | null;
  full: string;
  terms: string[];
}

export interface AttachmentContent {
  sha2: string;
  contentType: string;
  content: Buffer;
}

export interface StatementRepository {
  transaction<T>(work: (repo: StatementRepository) => Promise<T>): Promise<T>;
  // commands (inside a transaction)
  lockWrites(): Promise<void>;
  insert(rows: readonly NewStatementRow[]): Promise<void>;
  addTerms(sid: string, terms: readonly string[]): Promise<void>;
  markVoided(statementIds: readonly string[]): Promise<void>;
  saveDefinitions(definitions: ReadonlyMap<string, JsonObject>, onlyIds: ReadonlySet<string>): Promise<void>;
  saveAttachments(attachments: readonly AttachmentContent[]): Promise<void>;
  /** Removes stored attachment contents (the statements keep their metadata); the number removed. */
  deleteAttachments(sha2s: readonly string[]): Promise<number>;
  // queries
  newestSid(): Promise<string | undefined>;
  findByIds(statementIds: readonly string[]): Promise<Map<string, StoredRow>>;
  referrersOf(statementIds: readonly string[]): Promise<StoredRow[]>;
  query(plan: QueryPlan): Promise<Array<{ sid: string; full: string }>>;
  /** Every statement (voided ones too) stored after `sid`, in stored order: the feed of projections. */
  after(sid: string | null, limit: number): Promise<Array<{ sid: string; full: string }>>;
  definitions(activityIds: readonly string[]): Promise<Map<string, JsonObject>>;
  attachments(sha2s: readonly string[]): Promise<AttachmentContent[]>;
}

const CHUNK = 400;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Row = LrsTables['lrs_statement'];
const toStored = (r: Pick<Row, 'sid' | 'statement_id' | 'full' | 'voided' | 'ref_target'>): StoredRow => ({
  sid: r.sid,
  statementId: r.statement_id,
  full: r.full,
  voided: Number(r.voided) === 1,
  refTarget: r.ref_target,
});

// Link rows go in fixed-size statements, so the same few SQL texts come back batch after batch
// (better-sqlite3 keeps them prepared: see src/server/db/connection.ts).
const LINK_CHUNK = 256;

/**
 * `inTransaction`: db is a transaction, whose term ids are remembered only once it commits
 * (by `transaction`); a caller's own transaction (LrsService.withTransaction) never hands its
 * ids to the cache.
 */
export function createStatementRepository(
  db: Kysely<LrsTables>,
  dialect: LrsDialect,
  cache: TermIdCache = createTermIdCache(),
  inTransaction = false,
): StatementRepository {
  /** Ids read or created here, not yet known to be committed. */
  const seen = new Map<string, number>();

  /** Ids of the given terms; unknown terms are created when `create`, else left out. */
  async function termIds(terms: readonly string[], create: boolean): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const missing: string[] = [];
    for (const t of new Set(terms)) {
      const id = cache.get(t) ?? seen.get(t);
      if (id === undefined) missing.push(t);
      else out.set(t, id);
    }
    const read = async (wanted: string[]) => {
      for (const part of chunks(wanted)) {
        for (const r of await db.selectFrom('lrs_term').select(['id', 'term']).where('term', 'in', part).execute()) {
          out.set(r.term, Number(r.id));
          seen.set(r.term, Number(r.id));
        }
      }
    };
    if (missing.length > 0) await read(missing);
    const absent = missing.filter((t) => !out.has(t));
    if (create && absent.length > 0) {
      for (const part of chunks(absent)) {
        await db
          .insertInto('lrs_term')
          .values(part.map((term) => ({ term })))
          .onConflict((oc) => oc.column('term').doNothing())
          .execute();
      }
      await read(absent);
    }
    if (!inTransaction) {
      cache.remember(seen);
      seen.clear();
    }
    return out;
  }

  async function insertLinks(links: Array<{ term_id: number; sid: string }>, ignoreExisting: boolean): Promise<void> {
    for (const part of chunks(links, LINK_CHUNK)) {
      const q = db.insertInto('lrs_statement_term_link').values(part);
      await (ignoreExisting ? q.onConflict((oc) => oc.doNothing()) : q).execute();
    }
  }

  const repo: StatementRepository & { seenTermIds(): Map<string, number> } = {
    seenTermIds: () => seen,

    async transaction(work) {
      let inner = new Map<string, number>();
      const result = await db.transaction().execute(async (trx) => {
        const child = createStatementRepository(trx, dialect, cache, true) as StatementRepository & { seenTermIds(): Map<string, number> };
        const value = await work(child);
        inner = child.seenTermIds();
        return value;
      });
      cache.remember(inner);
      return result;
    },

    lockWrites: () => lockStatementWrites(db as Kysely<unknown>, dialect),

    async insert(rows) {
      for (const part of chunks(rows, 100)) {
        await db
          .insertInto('lrs_statement')
          .values(part.map((r) => ({ sid: r.sid, statement_id: r.statementId, stored: r.stored, voided: 0, ref_target: r.refTarget, full: r.full })))
          .execute();
      }
      const ids = await termIds(rows.flatMap((r) => r.terms), true);
      await insertLinks(rows.flatMap((r) => r.terms.map((t) => ({ term_id: ids.get(t) as number, sid: r.sid }))), false);
    },

    async addTerms(sid, terms) {
      const ids = await termIds(terms, true);
      await insertLinks(terms.map((t) => ({ term_id: ids.get(t) as number, sid })), true);
    },

    async markVoided(statementIds) {
      for (const part of chunks(statementIds)) {
        await db.updateTable('lrs_statement').set({ voided: 1 }).where('statement_id', 'in', part).execute();
      }
    },

    async saveDefinitions(definitions, onlyIds) {
      const values = [...onlyIds].map((id) => ({ activity_id: storableKey(id), definition: JSON.stringify(definitions.get(id)) }));
      for (const part of chunks(values)) {
        await db
          .insertInto('lrs_activity')
          .values(part)
          .onConflict((oc) => oc.column('activity_id').doUpdateSet({ definition: (eb) => eb.ref('excluded.definition') }))
          .execute();
      }
    },

    async saveAttachments(attachments) {
      const unique = new Map(attachments.map((a) => [a.sha2, a]));
      for (const a of unique.values()) {
        await db
          .insertInto('lrs_attachment')
          .values({ sha2: a.sha2, content_type: a.contentType, content: a.content })
          .onConflict((oc) => oc.column('sha2').doNothing())
          .execute();
      }
    },

    async deleteAttachments(sha2s) {
      let removed = 0;
      for (const part of chunks([...new Set(sha2s.map((h) => h.toLowerCase()))])) {
        const result = await db.deleteFrom('lrs_attachment').where('sha2', 'in', part).executeTakeFirst();
        removed += Number(result.numDeletedRows);
      }
      return removed;
    },

    async after(sid, limit) {
      let q = db.selectFrom('lrs_statement').select(['sid', 'full']).orderBy('sid').limit(limit);
      if (sid !== null) q = q.where('sid', '>', sid);
      return q.execute();
    },

    async newestSid() {
      const row = await db.selectFrom('lrs_statement').select('sid').orderBy('sid', 'desc').limit(1).executeTakeFirst();
      return row?.sid;
    },

    async findByIds(statementIds) {
      const found = new Map<string, StoredRow>();
      for (const part of chunks([...new Set(statementIds)])) {
        const rows = await db
          .selectFrom('lrs_statement')
          .select(['sid', 'statement_id', 'full', 'voided', 'ref_target'])
          .where('statement_id', 'in', part)
          .execute();
        for (const r of rows) found.set(r.statement_id, toStored(r));
      }
      return found;
    },

    async referrersOf(statementIds) {
      const out: StoredRow[] = [];
      for (const part of chunks([...new Set(statementIds)])) {
        const rows = await db
          .selectFrom('lrs_statement')
          .select(['sid', 'statement_id', 'full', 'voided', 'ref_target'])
          .where('ref_target', 'in', part)
          .execute();
        out.push(...rows.map(toStored));
      }
      return out;
    },

    async query(plan) {
      // A term never stored matches nothing.
      const ids = await termIds(plan.terms, false);
      if (plan.terms.some((t) => !ids.has(t))) return [];
      // One shape for every filter: the first term drives an index range scan in stored-id
      // order; CROSS JOIN keeps SQLite from reordering (PostgreSQL plans it freely).
      const key = plan.terms.length > 0 ? sql.ref('t0.sid') : sql.ref('s.sid');
      const from =
        plan.terms.length > 0
          ? sql.join(
              [...plan.terms.map((_, i) => sql`lrs_statement_term_link ${sql.raw(`t${i}`)}`), sql`lrs_statement s`],
              sql` cross join `,
            )
          : sql`lrs_statement s`;
      const conditions = [sql`s.voided = 0`];
      plan.terms.forEach((t, i) => {
        const alias = sql.raw(`t${i}`);
        conditions.push(sql`${alias}.term_id = ${ids.get(t) as number}`);
        conditions.push(i === 0 ? sql`s.sid = t0.sid` : sql`${alias}.sid = t0.sid`);
      });
      if (plan.from !== undefined) conditions.push(sql`${key} >= ${plan.from}`);
      if (plan.to !== undefined) conditions.push(sql`${key} < ${plan.to}`);
      if (plan.after !== undefined) conditions.push(plan.ascending ? sql`${key} > ${plan.after}` : sql`${key} < ${plan.after}`);
      const direction = sql.raw(plan.ascending ? 'asc' : 'desc');
      const result = await sql<{ sid: string; full: string }>`select s.sid, s.${sql.ref('full')} from ${from} where ${sql.join(conditions, sql` and `)} order by ${key} ${direction} limit ${plan.limit + 1}`.execute(db);
      return result.rows;
    },

    async definitions(activityIds) {
      const out = new Map<string, JsonObject>();
      const keys = new Map([...new Set(activityIds)].map((id) => [storableKey(id), id]));
      for (const part of chunks([...keys.keys()])) {
        const rows = await db.selectFrom('lrs_activity').selectAll().where('activity_id', 'in', part).execute();
        for (const r of rows) {
          const value: unknown = JSON.parse(r.definition);
          if (isObject(value)) out.set(keys.get(r.activity_id) ?? r.activity_id, value);
        }
      }
      return out;
    },

    async attachments(sha2s) {
      const out: AttachmentContent[] = [];
      for (const part of chunks([...new Set(sha2s)])) {
        const rows = await db.selectFrom('lrs_attachment').selectAll().where('sha2', 'in', part).execute();
        for (const r of rows) out.push({ sha2: r.sha2, contentType: r.content_type, content: Buffer.from(r.content) });
      }
      return out;
    },
  };
  return repo;
}
