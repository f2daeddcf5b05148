import type { LrsTransaction, SharedHandle, Statement } from '../../../lrs/index.ts';
import { lmsTransaction } from '../../db/database.ts';
import type { Clock } from '../../clock.ts';
import { progressKey, type ItemProgress } from './item-progress.ts';
import { applyStatement, emptyProgress, foldProgress, touchOf, type ProgressTouch } from './progress-reducer.ts';
import type { ProgressRepository } from './progress.repository.ts';
import type { ProjectionCheckpoints } from './projection-checkpoints.repository.ts';

const NAME = 'learner_item_progress';
const PAGE = 500;

export interface ProjectionHealth {
  name: string;
  ok: boolean;
  /** The last failure, until a catch-up succeeds again. */
  error?: string;
  failedAt?: string;
}

export interface ProgressProjectionDeps {
  /** The connection naming no table: the projection's own transaction is opened on it. */
  shared: SharedHandle;
  /** The LRS, read inside the projection's own transaction. */
  lrsOn: (trx: SharedHandle) => Pick<LrsTransaction, 'statementsAfter'>;
  baseUrl: string;
  progress: ProgressRepository;
  checkpoints: ProjectionCheckpoints;
  clock: Clock;
  /** Runs after each catch-up that touched rows (module completion), outside the projection's lock. */
  after?: (touches: ProgressTouch[]) => Promise<void>;
  onError: (message: string, error: unknown) => void;
}

/**
 * learner_item_progress, a durable projection of the LRS. It does not trust the statements a
 * listener is handed: it reads, from its checkpoint on, what the LRS really holds, applies it with
 * the pure reducer and moves the checkpoint in the same transaction. So a crash between a commit
 * and the projection loses nothing (the next catch-up, at start or after the next store, picks
 * it up), and a statement is never applied twice. Failures are logged and reported by /healthz,
 * never swallowed; the next catch-up retries.
 */
export class ProgressProjection {
  private queue: Promise<unknown> = Promise.resolve();
  private failure: { error: string; failedAt: string } | null = null;

  constructor(private readonly deps: ProgressProjectionDeps) {}

  /** Apply every statement stored since the checkpoint. Never throws: a failure marks the projection degraded. */
  async catchUp(): Promise<void> {
    let touches: ProgressTouch[];
    try {
      touches = await this.serialised(() => this.applyPending());
      this.failure = null;
    } catch (error) {
      this.fail('progress projection: catch-up failed', error);
      return;
    }
    if (touches.length === 0 || !this.deps.after) return;
    try {
      await this.deps.after(touches);
    } catch (error) {
      this.fail('progress projection: module completion failed', error);
    }
  }

  /**
   * Throw the table away and fold it again from the LRS alone, in one transaction (readers see
   * the old rows or the new ones, never an empty table). No module completion: it only reads.
   */
  async rebuild(): Promise<{ statements: number; rows: number }> {
    return this.serialised(() =>
      this.deps.shared.transaction().execute(async (shared) => {
        const trx = lmsTransaction(shared);
        const now = this.deps.clock().toISOString();
        const checkpoints = this.deps.checkpoints.within(trx);
        await checkpoints.lock(NAME, now);
        const lrs = this.deps.lrsOn(shared);
        const statements: Statement[] = [];
        let last = '';
        for (;;) {
          const page = await lrs.statementsAfter(last, PAGE);
          if (page.length === 0) break;
          for (const entry of page) statements.push(entry.statement);
          last = page[page.length - 1].sid;
        }
        const rows = foldProgress(this.deps.baseUrl, statements);
        const progress = this.deps.progress.within(trx);
        await progress.clear();
        for (const row of rows.values()) await progress.upsert(row);
        await checkpoints.save(NAME, last, now);
        this.failure = null;
        return { statements: statements.length, rows: rows.size };
      }),
    );
  }

  health(): ProjectionHealth {
    return this.failure ? { name: NAME, ok: false, ...this.failure } : { name: NAME, ok: true };
  }

  /** One catch-up or rebuild at a time in this process; the checkpoint's row lock covers other processes. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private fail(message: string, error: unknown): void {
    this.failure = { error: error instanceof Error ? error.message : String(error), failedAt: this.deps.clock().toISOString() };
    this.deps.onError(message, error);
  }

  private async applyPending(): Promise<ProgressTouch[]> {
    const touches: ProgressTouch[] = [];
    for (;;) {
      const page = await this.deps.shared.transaction().execute(async (shared) => {
        const trx = lmsTransaction(shared);
        const now = this.deps.clock().toISOString();
        const checkpoints = this.deps.checkpoints.within(trx);
        const from = await checkpoints.lock(NAME, now);
        const entries = await this.deps.lrsOn(shared).statementsAfter(from, PAGE);
        if (entries.length === 0) return 0;
        const progress = this.deps.progress.within(trx);
        const rows = new Map<string, ItemProgress>();
        for (const { statement } of entries) {
          const touch = touchOf(this.deps.baseUrl, statement);
          if (!touch) continue;
          const key = progressKey(touch);
          const current = rows.get(key) ?? (await progress.find(touch.userId, touch.moduleId, touch.itemId)) ?? emptyProgress(touch, statement.stored);
          rows.set(key, applyStatement(current, touch, statement));
          touches.push(touch);
        }
        for (const row of rows.values()) await progress.upsert(row);
        await checkpoints.save(NAME, entries[entries.length - 1].sid, now);
        return entries.length;
      });
      if (page < PAGE) return touches;
    }
  }
}
