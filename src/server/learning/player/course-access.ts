import crypto from 'node:crypto';
import type { Clock } from '../../clock.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { CourseRepository } from '../../courses/import/course-repository.ts';
import type { CourseVersion } from '../../courses/import/course-version.ts';
import type { ModuleItem } from '../../courses/format/types.ts';
import type { CohortModulesRepository } from '../assignment/cohort-modules.repository.ts';
import type { ModuleEnrolment, ModuleVersionsRepository } from '../attempts/module-versions.repository.ts';

export interface ModuleAccess {
  version: CourseVersion;
  enrolment: ModuleEnrolment;
}

/**
 * Who may open which module: only modules assigned to one of the learner's cohorts, once their
 * prerequisite is finished. The first opening pins the latest version for good.
 */
export class CourseAccess {
  constructor(
    private readonly courses: CourseRepository,
    private readonly assignments: CohortModulesRepository,
    private readonly enrolments: ModuleVersionsRepository,
    private readonly clock: Clock,
  ) {}

  /** Checks the learner may work on the module; nothing is written. */
  async check(userId: string, moduleId: string): Promise<{ latest: CourseVersion; enrolment: ModuleEnrolment | null }> {
    const latest = await this.courses.latestVersion(moduleId);
    if (!latest) throw new NotFoundError('learning.errors.moduleNotFound');
    const assigned = (await this.assignments.assignedModules(userId)).find((m) => m.moduleId === moduleId);
    if (!assigned) throw new ForbiddenError('learning.errors.notAssigned');
    const enrolment = await this.enrolments.find(userId, moduleId);
    if (!enrolment && assigned.prerequisiteModuleId) {
      const before = await this.enrolments.find(userId, assigned.prerequisiteModuleId);
      if (!before?.finishedAt) throw new ForbiddenError('learning.errors.locked');
    }
    return { latest, enrolment };
  }

  /** The learner's pinned version, or null when they never opened the module. */
  async pinned(userId: string, moduleId: string): Promise<ModuleAccess | null> {
    const { enrolment } = await this.check(userId, moduleId);
    if (!enrolment) return null;
    const version = await this.courses.version(moduleId, enrolment.version);
    if (!version) throw new NotFoundError('learning.errors.moduleNotFound');
    return { version, enrolment };
  }

  /** Opens the module, pinning the latest version on the first visit; `created` says whether it did. */
  async open(userId: string, moduleId: string): Promise<ModuleAccess & { created: boolean }> {
    const { latest, enrolment } = await this.check(userId, moduleId);
    if (enrolment) {
      const version = await this.courses.version(moduleId, enrolment.version);
      if (!version) throw new NotFoundError('learning.errors.moduleNotFound');
      return { version, enrolment, created: false };
    }
    const fresh = { userId, moduleId, version: latest.version, registration: crypto.randomUUID(), startedAt: this.clock().toISOString() };
    const created = await this.enrolments.insert(fresh);
    if (!created) return { ...(await this.open(userId, moduleId)), created: false };
    return { version: latest, enrolment: { ...fresh, finishedAt: null, success: null }, created: true };
  }
}

export function findItem(version: CourseVersion, itemId: string): ModuleItem {
  const item = version.content.items.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('learning.errors.itemNotFound');
  return item;
}
