import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { CourseRepository } from '../courses/import/course-repository.ts';
import type { CourseVersion, StoredAsset } from '../courses/import/course-version.ts';
import type { Learning } from '../learning/learning.ts';

/**
 * What the call player needs to know about a learner's modules. Kept behind this small port so
 * that it can be swapped for the learning area's own assignment and version-pinning service.
 */
export interface CallModuleAccess {
  isAssigned(userId: string, moduleId: string): Promise<boolean>;
  /** Whether the module was ever imported (so that an unknown module is a 404, not a 403). */
  exists(moduleId: string): Promise<boolean>;
  /** The version the learner works on: the one pinned when they started the module (pinning it now if needed). */
  currentVersion(userId: string, moduleId: string): Promise<CourseVersion | undefined>;
  version(moduleId: string, version: number): Promise<CourseVersion | undefined>;
  /** A stored course file (the customer's recorded or synthesized voice). */
  asset(sha256: string): Promise<StoredAsset | undefined>;
}

/** Versions are immutable: a handful stays parsed in memory. */
const CACHE_SIZE = 32;

/** The learning area's assignment and version pinning (ctx.learning), as far as calls use them. */
export type LearningModules = {
  assignments: Pick<Learning['assignments'], 'assignedModules'>;
  modules: Pick<Learning['modules'], 'open'>;
};

export function createModuleAccess(db: Kysely<Database>, learning: LearningModules): CallModuleAccess {
  const courses = new CourseRepository(db);
  const cache = new Map<string, CourseVersion>();

  async function version(moduleId: string, number: number): Promise<CourseVersion | undefined> {
    const key = `${moduleId}\n${number}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const found = await courses.version(moduleId, number);
    if (found) {
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(key, found);
    }
    return found;
  }

  return {
    isAssigned: async (userId, moduleId) => (await learning.assignments.assignedModules(userId)).some((m) => m.moduleId === moduleId),
    // Opening pins the latest version on the first visit, as the module page does; it also
    // refuses a module whose prerequisite is not finished.
    currentVersion: async (userId, moduleId) => (await learning.modules.open(userId, moduleId)).version,
    exists: async (moduleId) => (await courses.latestVersion(moduleId)) !== undefined,
    version,
    asset: (sha256) => courses.asset(sha256),
  };
}
