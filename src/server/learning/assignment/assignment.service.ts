import type { Clock } from '../../clock.ts';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../errors.ts';
import type { Role } from '../../accounts/roles.ts';
import type { CohortsRepository } from '../../cohorts/cohorts.repository.ts';
import type { CourseRepository } from '../../courses/import/course-repository.ts';
import type { CohortModulesRepository } from './cohort-modules.repository.ts';
import type { Cohort } from '../../cohorts/cohort.ts';

export interface AssignmentRow {
  moduleId: string;
  position: number;
  prerequisiteModuleId: string | null;
}

/** Trainers choose which modules a cohort follows, in which order, and the prerequisites. */
export class AssignmentService {
  constructor(
    private readonly assignments: CohortModulesRepository,
    private readonly courses: CourseRepository,
    private readonly cohorts: CohortsRepository,
    private readonly clock: Clock,
  ) {}

  /** A trainer manages the cohorts they belong to; an admin manages every cohort. */
  async requireManageable(cohortId: string, userId: string, role: Role): Promise<Cohort> {
    const cohort = await this.cohorts.findById(cohortId);
    if (!cohort) throw new NotFoundError('cohorts.errors.notFound');
    if (role === 'admin') return cohort;
    const mine = await this.cohorts.cohortsOf(userId);
    if (!mine.some((c) => c.id === cohortId && c.memberRole === 'trainer')) throw new ForbiddenError('learning.assign.errors.notYourCohort');
    return cohort;
  }

  async manageableCohorts(userId: string, role: Role): Promise<Cohort[]> {
    if (role === 'admin') return this.cohorts.list();
    return (await this.cohorts.cohortsOf(userId)).filter((c) => c.memberRole === 'trainer');
  }

  /**
   * Replaces the cohort's assignment. Unknown modules, a prerequisite that is not assigned or
   * is the module itself, or prerequisites that loop: refused, nothing changes.
   */
  async assign(cohortId: string, rows: readonly AssignmentRow[]): Promise<void> {
    const known = new Set((await this.courses.listModules()).map((m) => m.id));
    const chosen = new Set(rows.map((r) => r.moduleId));
    const errors: Record<string, string> = {};
    for (const r of rows) {
      if (!known.has(r.moduleId)) errors[`assigned__${r.moduleId}`] = 'learning.assign.errors.unknownModule';
      else if (r.prerequisiteModuleId !== null && (r.prerequisiteModuleId === r.moduleId || !chosen.has(r.prerequisiteModuleId))) {
        errors[`prerequisite__${r.moduleId}`] = 'learning.assign.errors.badPrerequisite';
      }
    }
    if (Object.keys(errors).length === 0) {
      const prerequisiteOf = new Map(rows.map((r) => [r.moduleId, r.prerequisiteModuleId]));
      for (const r of rows) {
        const seen = new Set<string>();
        for (let at: string | null | undefined = r.moduleId; at; at = prerequisiteOf.get(at)) {
          if (seen.has(at)) {
            errors[`prerequisite__${r.moduleId}`] = 'learning.assign.errors.cycle';
            break;
          }
          seen.add(at);
        }
      }
    }
    if (Object.keys(errors).length > 0) throw new BadRequestError('learning.assign.errors.invalid', errors);
    const now = this.clock().toISOString();
    const previous = new Map((await this.assignments.forCohort(cohortId)).map((m) => [m.moduleId, m.assignedAt]));
    await this.assignments.replace(
      cohortId,
      [...rows].sort((a, b) => a.position - b.position).map((r) => ({ ...r, assignedAt: previous.get(r.moduleId) ?? now })),
    );
  }
}
