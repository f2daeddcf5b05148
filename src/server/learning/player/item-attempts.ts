import crypto from 'node:crypto';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { Clock } from '../../clock.ts';
import { BadRequestError, ConflictError, ForbiddenError } from '../../errors.ts';
import type { ModuleItem } from '../../courses/format/types.ts';
import type { Attempt } from '../attempts/attempt.ts';
import { LrsError } from '../../../lrs/index.ts';
import type { RunUnitOfWork } from '../../db/unit-of-work.ts';
import type { AttemptsRepository } from '../attempts/attempts.repository.ts';
import type { ModuleAccess } from './course-access.ts';
import type { LearningRecorder, RecordScope } from './learning-recorder.ts';
import { itemActivity } from '../xapi/activities.ts';

/** Idle gaps longer than this do not count as time on task. */
const MAX_GAP_MS = 10 * 60_000;

/** Starting, finding and checking attempts at an item; every attempt is one xAPI registration. */
export class ItemAttempts {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly recorder: LearningRecorder,
    private readonly clock: Clock,
    /** One transaction per action: the attempt row and its statements commit together. */
    private readonly run: RunUnitOfWork,
  ) {}

  scope(access: ModuleAccess, item: ModuleItem, attempt: Attempt, competencies: readonly string[] = item.competencies): RecordScope {
    return { userId: attempt.userId, module: access.version.content, registration: attempt.id, competencies, attemptNumber: attempt.attemptNumber };
  }

  async all(access: ModuleAccess, item: ModuleItem): Promise<Attempt[]> {
    return this.attempts.forItem(access.enrolment.userId, access.enrolment.moduleId, item.id);
  }

  async latest(access: ModuleAccess, item: ModuleItem): Promise<Attempt | null> {
    const all = await this.all(access, item);
    return all[all.length - 1] ?? null;
  }

  /**
   * A new attempt, announced with an item-level "launched" statement. Parallel starts (two tabs,
   * a double click on "retry") race for the same attempt number; the unique index lets one
   * insert, and the others return that one: one attempt, one statement.
   */
  async start(access: ModuleAccess, item: ModuleItem, seen: Attempt | null): Promise<Attempt> {
    const now = this.clock().toISOString();
    const attempt: Attempt = {
      id: crypto.randomUUID(),
      userId: access.enrolment.userId,
      moduleId: access.enrolment.moduleId,
      itemId: item.id,
      itemType: item.type,
      version: access.enrolment.version,
      // The number follows the attempt the caller decided on, not a later read: parallel starts
      // decided on the same one, so they race for the same number.
      attemptNumber: (seen?.attemptNumber ?? 0) + 1,
      state: { activeMs: 0 },
      status: 'in_progress',
      scoreScaled: null,
      startedAt: now,
      updatedAt: now,
      finishedAt: null,
    };
    const object = itemActivity(this.recorder.ids, attempt.moduleId, item);
    const launched = this.recorder.statement(this.scope(access, item, attempt), 'launched', object, undefined, 'launched');
    try {
      await this.run(async (uow) => {
        await this.attempts.within(uow.db).insert(attempt);
        await uow.lrs.storeStatements([launched]);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = (await this.all(access, item)).find((a) => a.attemptNumber === attempt.attemptNumber);
      if (!winner) throw error;
      return winner;
    }
    return attempt;
  }

  /**
   * The attempt a form names, checked against the learner and the item. Another learner's
   * attempt, another item's, or a finished one: a clear error, and nothing is written.
   */
  async requireOpen(userId: string, moduleId: string, itemId: string, attemptId: unknown): Promise<Attempt> {
    const attempt = await this.requireOwn(userId, moduleId, itemId, attemptId);
    if (attempt.status !== 'in_progress') throw new ConflictError('learning.errors.attemptFinished');
    return attempt;
  }

  /** The attempt with its time on task brought up to now. */
  touched(attempt: Attempt): Attempt {
    const now = this.clock();
    const gap = Math.max(0, Math.min(MAX_GAP_MS, now.getTime() - Date.parse(attempt.updatedAt)));
    return { ...attempt, updatedAt: now.toISOString(), state: { ...attempt.state, activeMs: (attempt.state.activeMs ?? 0) + gap } };
  }

  /**
   * Saves the attempt (only while in progress) and stores its statements, in one transaction.
   * 'conflict': another post changed it first (the attempt was closed, or a statement with the
   * same action id but another outcome exists); nothing of this post was kept.
   */
  async commit(attempt: Attempt, statements: Array<Record<string, unknown>>): Promise<'ok' | 'conflict'> {
    try {
      return await this.run(async (uow) => {
        if (!(await this.attempts.within(uow.db).update(attempt))) return 'conflict';
        if (statements.length > 0) await uow.lrs.storeStatements(statements);
        return 'ok';
      });
    } catch (error) {
      if (error instanceof LrsError && error.status === 409) return 'conflict';
      throw error;
    }
  }

  /** The learner's own attempt at this item, whatever its status (a retry may find it closed). */
  async requireOwn(userId: string, moduleId: string, itemId: string, attemptId: unknown): Promise<Attempt> {
    const attempt = typeof attemptId === 'string' && attemptId.length <= 64 ? await this.attempts.findById(attemptId) : null;
    if (!attempt || attempt.userId !== userId) throw new ForbiddenError('learning.errors.notYourAttempt');
    if (attempt.moduleId !== moduleId || attempt.itemId !== itemId) throw new BadRequestError('learning.errors.wrongAttempt');
    return attempt;
  }

  async save(attempt: Attempt): Promise<void> {
    if (!(await this.attempts.update(attempt))) throw new ConflictError('learning.errors.attemptFinished');
  }

  /** Whether another attempt may start after `latest` (failed, and attempts left). */
  /**
   * "Recommencer": a new attempt after a failed one, while attempts are left. When the latest is
   * already in progress, a parallel click started it: that is this click's effect too.
   */
  async retry(access: ModuleAccess, item: ModuleItem, maxAttempts: number | null): Promise<void> {
    const latest = await this.latest(access, item);
    if (latest?.status === 'in_progress' && latest.attemptNumber > 1) return;
    if (!ItemAttempts.canRetry(latest, maxAttempts)) throw new ConflictError('learning.errors.noRetry');
    await this.start(access, item, latest);
  }

  static canRetry(latest: Attempt | null, maxAttempts: number | null): boolean {
    if (!latest || latest.status !== 'failed') return false;
    return maxAttempts === null || latest.attemptNumber < maxAttempts;
  }
}
