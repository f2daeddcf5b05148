/**
 * Statement domain logic: validation, ids, authority, voiding, StatementRef filters, and the
 * atomic store of a batch. Used by the HTTP routes and, in-process, by the LMS.
 */
import crypto from 'node:crypto';
import { foldDefinitions, activitiesOf } from '../activities/activity-definitions.ts';
import { badRequest, conflict } from '../errors.ts';
import type { StoredIdGenerator } from '../storage/stored-id.ts';
import type { SharedHandle } from '../storage/tables.ts';
import { isObject, type Agent, type JsonObject, type Statement, type XapiVersion } from '../types.ts';
import { validateStatement } from '../validation/index.ts';
import { checkAttachments } from './attachments.ts';
import { encodeCursor, nextPagePlan, planQuery, type QueryPlan, type StatementQuery } from './query-plan.ts';
import { sameStatement } from './statement-compare.ts';
import { normaliseStatement } from './statement-normalize.ts';
import type { AttachmentContent, NewStatementRow, StatementRepository } from './statement-repository.ts';
import { inheritableTerms, isVoiding, ownTerms, statementRefTarget } from './statement-terms.ts';

export interface StoreOptions {
  version?: XapiVersion;
  /** Attachment parts of a multipart/mixed request. */
  attachments?: AttachmentContent[];
}

export type StatementListener = (stored: Statement[]) => void | Promise<void>;

/**
 * Statement writes inside a transaction the caller opened (the LMS's unit of work): they commit
 * or roll back with the caller's own rows. Listeners run only when the caller reports the commit.
 */
export interface LrsTransaction {
  storeStatements(statements: unknown[], authority?: Agent, options?: StoreOptions): Promise<string[]>;
  /** Call once, after the caller's transaction has committed: runs the listeners on what it stored. */
  afterCommit(): Promise<void>;
  /** LrsService.statementsAfter, read inside the caller's transaction. */
  statementsAfter(sid: string | null, limit: number): Promise<Array<{ sid: string; statement: Statement }>>;
  /** LrsService.deleteAttachments, inside the caller's transaction. */
  deleteAttachments(sha2s: readonly string[]): Promise<number>;
}

export interface StatementPage {
  rows: Array<{ sid: string; full: string }>;
  more?: string;
}

export interface LrsService {
  storeStatements(statements: unknown[], authority?: Agent, options?: StoreOptions): Promise<string[]>;
  getStatement(id: string): Promise<Statement | null>;
  getVoidedStatement(id: string): Promise<Statement | null>;
  queryStatements(query: StatementQuery, extraTerms?: readonly string[]): Promise<{ statements: Statement[]; more?: string }>;
  /** The same query, with statements left as stored JSON text (the HTTP layer streams them). */
  queryStatementRows(query: StatementQuery, extraTerms?: readonly string[]): Promise<StatementPage>;
  subscribe(listener: StatementListener): void;
  /**
   * Statements stored after `sid` (null: from the first), oldest first, at most `limit`. Stored
   * ids follow commit order (writes take one lock before ids are drawn), so a reader that
   * remembers the last sid it applied misses nothing.
   */
  statementsAfter(sid: string | null, limit: number): Promise<Array<{ sid: string; statement: Statement }>>;
  /** Writes that join `trx`, a transaction the caller opened on the same database. */
  withTransaction(trx: SharedHandle): LrsTransaction;
  definitions(activityIds: readonly string[]): Promise<Map<string, JsonObject>>;
  attachments(sha2s: readonly string[]): Promise<AttachmentContent[]>;
  /**
   * Erases attachment contents by hash (a learner's withdrawn consent, a retention period): the
   * statements stay as stored, with the attachment's metadata, and are then served without the part.
   */
  deleteAttachments(sha2s: readonly string[]): Promise<number>;
}

interface Deps {
  repo: StatementRepository;
  /** The same storage on a caller's transaction. */
  repoOn: (trx: SharedHandle) => StatementRepository;
  ids: StoredIdGenerator;
  defaultAuthority: Agent;
  onListenerError?: (error: unknown) => void;
}

const MAX_REF_DEPTH = 10;

function describeIssues(statements: readonly unknown[], version: XapiVersion): string | undefined {
  const problems = statements.flatMap((statement, index) =>
    validateStatement(statement, { version, path: statements.length > 1 ? `statements[${index}]` : 'statement' }),
  );
  if (problems.length === 0) return undefined;
  const shown = problems.slice(0, 10).map((issue) => `${issue.path}: ${issue.rule}`).join('; ');
  return problems.length > 10 ? `${shown}; and ${problems.length - 10} more` : shown;
}

export function createStatementService({ repo, repoOn, ids, defaultAuthority, onListenerError }: Deps): LrsService {
  const listeners: StatementListener[] = [];

  /** Terms of a stored statement, including those it inherits through its StatementRef chain. */
  async function termsOfStored(statementId: string, inBatch: Map<string, string[]>, store: StatementRepository): Promise<string[]> {
    const terms = new Set<string>();
    let id: string | undefined = statementId;
    for (let depth = 0; id !== undefined && depth < MAX_REF_DEPTH; depth += 1) {
      const batchTerms = inBatch.get(id);
      if (batchTerms) {
        for (const t of batchTerms) terms.add(t);
        break;
      }
      const row = (await store.findByIds([id])).get(id);
      if (!row) break;
      const json: unknown = JSON.parse(row.full);
      if (!isObject(json)) break;
      for (const t of ownTerms(json)) terms.add(t);
      id = row.refTarget ?? undefined;
    }
    return inheritableTerms([...terms]);
  }

  /** Runs inside a transaction: `store` is bound to it. */
  async function storeBatch(store: StatementRepository, batch: JsonObject[], version: XapiVersion, authority: Agent, parts: AttachmentContent[]): Promise<Statement[]> {
    await store.lockWrites();
    const newest = await store.newestSid();
    if (newest) ids.advancePast(newest);
    const keys = batch.map((s) => (s.id as string).toLowerCase());
    const existing = await store.findByIds(keys);
    const fresh: JsonObject[] = [];
    for (const statement of batch) {
      const found = existing.get((statement.id as string).toLowerCase());
      if (!found) fresh.push(statement);
      else if (!sameStatement(statement, JSON.parse(found.full) as JsonObject)) {
        throw conflict(`Statement ${String(statement.id)} already exists with different content`);
      }
    }
    const voidTargets = fresh.filter(isVoiding).map((s) => statementRefTarget(s) as string);
    if (voidTargets.length > 0) {
      const targets = await store.findByIds(voidTargets);
      for (const target of targets.values()) {
        if (isVoiding(JSON.parse(target.full) as JsonObject)) throw badRequest('A voiding statement cannot be voided');
      }
    }
    const rows: NewStatementRow[] = [];
    const stored: Statement[] = [];
    const batchTerms = new Map<string, string[]>();
    for (const statement of fresh) {
      const { sid, stored: storedAt } = ids.next();
      const storedIso = storedAt.toISOString();
      const full = {
        ...statement,
        timestamp: statement.timestamp ?? storedIso,
        stored: storedIso,
        authority,
        version: statement.version ?? (version === '2.0' ? '2.0.0' : '1.0.0'),
      } as Statement;
      const key = full.id.toLowerCase();
      const refTarget = statementRefTarget(full) ?? null;
      const terms = new Set(ownTerms(full));
      if (refTarget) for (const t of await termsOfStored(refTarget, batchTerms, store)) terms.add(t);
      batchTerms.set(key, [...terms]);
      rows.push({ sid, statementId: key, stored: storedIso, refTarget, full: JSON.stringify(full), terms: [...terms] });
      stored.push(full);
    }
    await store.insert(rows);
    if (voidTargets.length > 0) await store.markVoided(voidTargets);
    await propagateToReferrers(store, rows);
    const definitions = await store.definitions(stored.flatMap((s) => activitiesOf(s).map((a) => a.id as string)));
    const changed = foldDefinitions(definitions, stored);
    if (changed.size > 0) await store.saveDefinitions(definitions, changed);
    if (parts.length > 0) await store.saveAttachments(parts);
    return stored;
  }

  /** Statements stored earlier that point at the new ones through a StatementRef inherit their terms. */
  async function propagateToReferrers(store: StatementRepository, rows: readonly NewStatementRow[]): Promise<void> {
    const inserted = new Set(rows.map((r) => r.statementId));
    let frontier = rows.map((r) => ({ id: r.statementId, terms: inheritableTerms(r.terms) }));
    for (let depth = 0; frontier.length > 0 && depth < MAX_REF_DEPTH; depth += 1) {
      const referrers = await store.referrersOf(frontier.map((f) => f.id));
      const next: typeof frontier = [];
      for (const referrer of referrers) {
        if (inserted.has(referrer.statementId)) continue;
        const source = frontier.find((f) => f.id === referrer.refTarget);
        if (!source) continue;
        await store.addTerms(referrer.sid, source.terms);
        next.push({ id: referrer.statementId, terms: source.terms });
      }
      frontier = next;
    }
  }

  async function notify(statements: Statement[]): Promise<void> {
    for (const listener of listeners) {
      try {
        await listener(statements);
      } catch (error) {
        onListenerError?.(error);
      }
    }
  }

  async function page(plan: QueryPlan): Promise<StatementPage> {
    const rows = await repo.query(plan);
    if (rows.length <= plan.limit) return { rows };
    const kept = rows.slice(0, plan.limit);
    return { rows: kept, more: encodeCursor(nextPagePlan(plan, kept[kept.length - 1].sid)) };
  }

  const parse = (full: string): Statement => JSON.parse(full) as Statement;

  /** Validation, ids and attachment checks: everything before the first write. */
  async function prepareBatch(statements: unknown[], options: StoreOptions) {
    if (!Array.isArray(statements)) throw badRequest('Expected a statement or an array of statements');
    const version = options.version ?? '2.0';
    const problems = describeIssues(statements, version);
    if (problems) throw badRequest(`Invalid statement: ${problems}`, 'invalid_statement');
    const prepared = (statements as JsonObject[]).map((value) =>
      normaliseStatement({ ...value, id: typeof value.id === 'string' ? value.id : crypto.randomUUID() }),
    );
    const batch: JsonObject[] = [];
    const seen = new Map<string, JsonObject>();
    for (const statement of prepared) {
      const key = statement.id.toLowerCase();
      if (seen.has(key)) throw badRequest(`Statement id ${key} appears more than once in the batch`);
      seen.set(key, statement);
      batch.push(statement);
    }
    const parts = options.attachments ?? [];
    await checkAttachments(batch, parts);
    return { ids: prepared.map((s) => s.id as string), batch, version, parts };
  }

  return {
    async storeStatements(statements, authority, options = {}) {
      const { ids: statementIds, batch, version, parts } = await prepareBatch(statements, options);
      const stored = batch.length > 0 ? await repo.transaction((store) => storeBatch(store, batch, version, authority ?? defaultAuthority, parts)) : [];
      if (stored.length > 0) await notify(stored);
      return statementIds;
    },

    withTransaction(trx) {
      const store = repoOn(trx);
      const pending: Statement[] = [];
      return {
        async storeStatements(statements, authority, options = {}) {
          const { ids: statementIds, batch, version, parts } = await prepareBatch(statements, options);
          if (batch.length > 0) pending.push(...(await storeBatch(store, batch, version, authority ?? defaultAuthority, parts)));
          return statementIds;
        },
        async afterCommit() {
          const stored = pending.splice(0);
          if (stored.length > 0) await notify(stored);
        },
        async statementsAfter(sid, limit) {
          return (await store.after(sid, limit)).map((r) => ({ sid: r.sid, statement: parse(r.full) }));
        },
        deleteAttachments: (sha2s) => store.deleteAttachments(sha2s),
      };
    },

    async getStatement(id) {
      const row = (await repo.findByIds([id.toLowerCase()])).get(id.toLowerCase());
      return row && !row.voided ? parse(row.full) : null;
    },

    async getVoidedStatement(id) {
      const row = (await repo.findByIds([id.toLowerCase()])).get(id.toLowerCase());
      return row && row.voided ? parse(row.full) : null;
    },

    async queryStatements(query, extraTerms = []) {
      const result = await page(planQuery(query, extraTerms));
      return { statements: result.rows.map((r) => parse(r.full)), more: result.more };
    },

    queryStatementRows: (query, extraTerms = []) => page(planQuery(query, extraTerms)),

    subscribe(listener) {
      listeners.push(listener);
    },

    async statementsAfter(sid, limit) {
      return (await repo.after(sid, limit)).map((r) => ({ sid: r.sid, statement: parse(r.full) }));
    },

    definitions: (activityIds) => repo.definitions(activityIds),
    attachments: (sha2s) => repo.attachments(sha2s),
    deleteAttachments: (sha2s) => repo.deleteAttachments(sha2s),
  };
}
