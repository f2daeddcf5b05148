import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** One row of learner-player's progress projection (learner_item_progress, wave2.md). */
export interface ItemProgressRow {
  userId: string;
  moduleId: string;
  itemId: string;
  status: string;
  scoreScaled: number | null;
  attempts: number;
  durationSeconds: number;
  updatedAt: string;
}

/** Reads the shared tables the board is made of: a cohort's modules and its learners' progress. */
export class BoardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async assignedModuleIds(cohortId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('cohort_modules').select('module_id').where('cohort_id', '=', cohortId).orderBy('position').orderBy('module_id').execute();
    return rows.map((r) => r.module_id);
  }

  async progress(userIds: readonly string[]): Promise<ItemProgressRow[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('learner_item_progress')
      .select(['user_id', 'module_id', 'item_id', 'status', 'score_scaled', 'attempts', 'duration_seconds', 'updated_at'])
      .where('user_id', 'in', [...userIds])
      .execute();
    return rows.map((r) => ({
      userId: r.user_id,
      moduleId: r.module_id,
      itemId: r.item_id,
      status: r.status,
      scoreScaled: r.score_scaled === null ? null : Number(r.score_scaled),
      attempts: Number(r.attempts),
      durationSeconds: Number(r.duration_seconds),
      updatedAt: r.updated_at,
    }));
  }
}
