import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { LearnerItemProgressTable } from '../learning.tables.ts';
import type { ItemProgress } from './item-progress.ts';

type Db = Kysely<Database>;

type Row = LearnerItemProgressTable;

const toDomain = (r: Row): ItemProgress => ({
  userId: r.user_id,
  moduleId: r.module_id,
  itemId: r.item_id,
  status: r.status,
  scoreScaled: r.score_scaled === null ? null : Number(r.score_scaled),
  attempts: Number(r.attempts),
  durationSeconds: Number(r.duration_seconds),
  lastRegistration: r.last_registration,
  updatedAt: r.updated_at,
});

/** learner_item_progress: the projection of statements the dashboards read. */
export class ProgressRepository {
  constructor(private readonly db: Db) {}

  /** The same repository on a caller's transaction. */
  within(trx: Db): ProgressRepository {
    return new ProgressRepository(trx);
  }

  /** Every row, in key order (the rebuild compares and replaces the whole table). */
  async all(): Promise<ItemProgress[]> {
    const rows = await this.db.selectFrom('learner_item_progress').selectAll().orderBy('user_id').orderBy('module_id').orderBy('item_id').execute();
    return rows.map(toDomain);
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('learner_item_progress').execute();
  }

  async find(userId: string, moduleId: string, itemId: string): Promise<ItemProgress | null> {
    const row = await this.db
      .selectFrom('learner_item_progress')
      .selectAll()
      .where('user_id', '=', userId)
      .where('module_id', '=', moduleId)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    return row ? toDomain(row) : null;
  }

  /** A learner's rows for one module (items never touched have no row: "not_started"). */
  async itemProgress(userId: string, moduleId: string): Promise<ItemProgress[]> {
    const rows = await this.db.selectFrom('learner_item_progress').selectAll().where('user_id', '=', userId).where('module_id', '=', moduleId).execute();
    return rows.map(toDomain);
  }

  async forUser(userId: string): Promise<ItemProgress[]> {
    const rows = await this.db.selectFrom('learner_item_progress').selectAll().where('user_id', '=', userId).orderBy('module_id').orderBy('item_id').execute();
    return rows.map(toDomain);
  }

  async upsert(p: ItemProgress): Promise<void> {
    const values = {
      status: p.status,
      score_scaled: p.scoreScaled,
      attempts: p.attempts,
      duration_seconds: p.durationSeconds,
      last_registration: p.lastRegistration,
      updated_at: p.updatedAt,
    };
    await this.db
      .insertInto('learner_item_progress')
      .values({ user_id: p.userId, module_id: p.moduleId, item_id: p.itemId, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'module_id', 'item_id']).doUpdateSet(values))
      .execute();
  }
}
