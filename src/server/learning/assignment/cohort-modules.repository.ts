import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { CohortModulesTable } from '../learning.tables.ts';

type Db = Kysely<Database>;

export interface CohortModule {
  cohortId: string;
  moduleId: string;
  position: number;
  prerequisiteModuleId: string | null;
  assignedAt: string;
}

/** A module as a learner gets it: through one of their cohorts (the lowest position wins). */
export interface AssignedModule {
  moduleId: string;
  position: number;
  prerequisiteModuleId: string | null;
}

type Row = CohortModulesTable;

const toDomain = (r: Row): CohortModule => ({
  cohortId: r.cohort_id,
  moduleId: r.module_id,
  position: Number(r.position),
  prerequisiteModuleId: r.prerequisite_module_id,
  assignedAt: r.assigned_at,
});

export class CohortModulesRepository {
  constructor(private readonly db: Db) {}

  async forCohort(cohortId: string): Promise<CohortModule[]> {
    const rows = await this.db.selectFrom('cohort_modules').selectAll().where('cohort_id', '=', cohortId).orderBy('position').orderBy('module_id').execute();
    return rows.map(toDomain);
  }

  /** Replaces a cohort's whole assignment in one transaction. */
  async replace(cohortId: string, modules: readonly Omit<CohortModule, 'cohortId'>[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('cohort_modules').where('cohort_id', '=', cohortId).execute();
      for (const m of modules) {
        await trx
          .insertInto('cohort_modules')
          .values({ cohort_id: cohortId, module_id: m.moduleId, position: m.position, prerequisite_module_id: m.prerequisiteModuleId, assigned_at: m.assignedAt })
          .execute();
      }
    });
  }

  /** The modules assigned to a learner through the cohorts they are a learner in, in order. */
  async assignedModules(userId: string): Promise<AssignedModule[]> {
    const rows = await this.db
      .selectFrom('cohort_modules as cm')
      .innerJoin('cohort_members as m', 'm.cohort_id', 'cm.cohort_id')
      .select(['cm.module_id', 'cm.position', 'cm.prerequisite_module_id'])
      .where('m.user_id', '=', userId)
      .where('m.member_role', '=', 'learner')
      .orderBy('cm.position')
      .orderBy('cm.module_id')
      .execute();
    const seen = new Map<string, AssignedModule>();
    for (const r of rows) {
      if (!seen.has(r.module_id)) seen.set(r.module_id, { moduleId: r.module_id, position: Number(r.position), prerequisiteModuleId: r.prerequisite_module_id });
    }
    return [...seen.values()];
  }
}
