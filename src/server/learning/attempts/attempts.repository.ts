import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { LearningAttemptsTable } from '../learning.tables.ts';
import type { Attempt, AttemptState } from './attempt.ts';

export type AttemptsDb = Kysely<Database>;

type Row = LearningAttemptsTable;

const toDomain = (r: Row): Attempt => ({
  id: r.id,
  userId: r.user_id,
  moduleId: r.module_id,
  itemId: r.item_id,
  itemType: r.item_type,
  version: Number(r.version_id),
  attemptNumber: Number(r.attempt_number),
  state: JSON.parse(r.state_json) as AttemptState,
  status: r.status,
  scoreScaled: r.score_scaled === null ? null : Number(r.score_scaled),
  startedAt: r.started_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

export class AttemptsRepository {
  constructor(private readonly db: AttemptsDb) {}

  /** The same storage on a unit of work's transaction. */
  within(trx: AttemptsDb): AttemptsRepository {
    return new AttemptsRepository(trx);
  }

  async findById(id: string): Promise<Attempt | null> {
    const row = await this.db.selectFrom('learning_attempts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : null;
  }

  /** Attempts at one item, oldest first. */
  async forItem(userId: string, moduleId: string, itemId: string): Promise<Attempt[]> {
    const rows = await this.db
      .selectFrom('learning_attempts')
      .selectAll()
      .where('user_id', '=', userId)
      .where('module_id', '=', moduleId)
      .where('item_id', '=', itemId)
      .orderBy('attempt_number')
      .execute();
    return rows.map(toDomain);
  }

  /** The learner's most recently touched attempt, for "continue where I stopped". */
  async latestForUser(userId: string): Promise<Attempt | null> {
    const row = await this.db.selectFrom('learning_attempts').selectAll().where('user_id', '=', userId).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row ? toDomain(row) : null;
  }

  async insert(a: Attempt): Promise<void> {
    await this.db
      .insertInto('learning_attempts')
      .values({
        id: a.id,
        user_id: a.userId,
        module_id: a.moduleId,
        item_id: a.itemId,
        item_type: a.itemType,
        version_id: a.version,
        attempt_number: a.attemptNumber,
        state_json: JSON.stringify(a.state),
        status: a.status,
        score_scaled: a.scoreScaled,
        started_at: a.startedAt,
        updated_at: a.updatedAt,
        finished_at: a.finishedAt,
      })
      .execute();
  }

  /** Saves state and status; only while the attempt is still in progress (a finished one is frozen). */
  async update(a: Attempt): Promise<boolean> {
    const result = await this.db
      .updateTable('learning_attempts')
      .set({ state_json: JSON.stringify(a.state), status: a.status, score_scaled: a.scoreScaled, updated_at: a.updatedAt, finished_at: a.finishedAt })
      .where('id', '=', a.id)
      .where('status', '=', 'in_progress')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
