import type { Kysely } from 'kysely';
import { CourseRepository } from '../courses/import/course-repository.ts';
import type { CourseVersion, StoredAsset } from '../courses/import/course-version.ts';

/**
 * What the call player needs to know about a learner's modules. Kept behind this small port so
 * that it can be swapped for the learning area's own assignment and version-pinning service.
 */
export interface CallModuleAccess {
  isAssigned(userId: string, moduleId: string): Promise<boolean>;
  /** The version the learner works on: the one pinned when they started the module, else the latest. */
  currentVersion(userId: string, moduleId: string): Promise<CourseVersion | undefined>;
  version(moduleId: string, version: number): Promise<CourseVersion | undefined>;
  /** A stored course file (the customer's recorded or synthesized voice). */
  asset(sha256: string): Promise<StoredAsset | undefined>;
}

/** Versions are immutable: a handful stays parsed in memory. */
const CACHE_SIZE = 32;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createModuleAccess(db: Kysely<any>): CallModuleAccess {
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
    async isAssigned(userId, moduleId) {
      // cohort_modules and cohort_members are the learning and accounts areas' tables.
      const row = await db
        .selectFrom('cohort_modules as cm')
        .innerJoin('cohort_members as m', 'm.cohort_id', 'cm.cohort_id')
        .select('cm.module_id')
        .where('m.user_id', '=', userId)
        .where('m.member_role', '=', 'learner')
        .where('cm.module_id', '=', moduleId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async currentVersion(userId, moduleId) {
      const pinned = (await db
        .selectFrom('learner_module_versions')
        .select('version_id')
        .where('user_id', '=', userId)
        .where('module_id', '=', moduleId)
        .executeTakeFirst()) as { version_id: number } | undefined;
      if (pinned) return version(moduleId, Number(pinned.version_id));
      const latest = await courses.versionHistory(moduleId);
      const last = latest.at(-1);
      return last ? version(moduleId, last.version) : undefined;
    },
    version,
    asset: (sha256) => courses.asset(sha256),
  };
}
