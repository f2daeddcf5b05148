import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { LearnerModuleVersionsTable } from '../learning.tables.ts';

export type EnrolmentsDb = Kysely<Database>;

/** A learner's pinned version of a module and their module-level attempt. */
export interface ModuleEnrolment {
  userId: string;
  moduleId: string;
  version: number;
  registration: string;
  startedAt: string;
  finishedAt: string | null;
  success: boolean | null;
}

type Row = LearnerModuleVersionsTable;

const toDomain = (r: Row): ModuleEnrolment => ({
  userId: r.user_id,
  moduleId: r.module_id,
  version: Number(r.version_id),
  registration: r.registration,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  success: r.success === null ? null : Number(r.success) === 1,
});

export class ModuleVersionsRepository {
  constructor(private readonly db: EnrolmentsDb) {}

  /** The same storage on a unit of work's transaction. */
  within(trx: EnrolmentsDb): ModuleVersionsRepository {
    return new ModuleVersionsRepository(trx);
  }

  async find(userId: string, moduleId: string): Promise<ModuleEnrolment | null> {
    const row = await this.db.selectFrom('learner_module_versions').selectAll().where('user_id', '=', userId).where('module_id', '=', moduleId).executeTakeFirst();
    return row ? toDomain(row) : null;
  }

  async forUser(userId: string): Promise<ModuleEnrolment[]> {
    const rows = await this.db.selectFrom('learner_module_versions').selectAll().where('user_id', '=', userId).execute();
    return rows.map(toDomain);
  }

  /** Pins a version; returns false when the learner already had one (kept). */
  async insert(e: Omit<ModuleEnrolment, 'finishedAt' | 'success'>): Promise<boolean> {
    const result = await this.db
      .insertInto('learner_module_versions')
      .values({ user_id: e.userId, module_id: e.moduleId, version_id: e.version, registration: e.registration, started_at: e.startedAt, finished_at: null, success: null })
      .onConflict((oc) => oc.columns(['user_id', 'module_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Marks the module finished once; returns false if it already was (no second statement). */
  async finish(userId: string, moduleId: string, finishedAt: string, success: boolean): Promise<boolean> {
    const result = await this.db
      .updateTable('learner_module_versions')
      .set({ finished_at: finishedAt, success: success ? 1 : 0 })
      .where('user_id', '=', userId)
      .where('module_id', '=', moduleId)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
