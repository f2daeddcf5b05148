/** learner_releases: birth date (admin), leaving date and the trainer's draft, the package's first download, account closing and purge marks. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LevelOverride } from '../evidence/level-overrides.ts';
import type { AppraisalEntry } from './appraisal.ts';
import type { LearnerReleasesTable } from './certificates.tables.ts';

export interface LearnerRelease {
  userId: string;
  birthDate: string | null;
  leavingDate: string | null;
  appraisal: AppraisalEntry[];
  overrides: LevelOverride[];
  /** First download of the leaving package (leaving-package-window.ts). */
  packageFirstAt: string | null;
  closedAt: string | null;
  purgedAt: string | null;
  updatedAt: string | null;
}

type ReleaseRow = Selectable<LearnerReleasesTable>;

const empty = (userId: string): LearnerRelease => ({ userId, birthDate: null, leavingDate: null, appraisal: [], overrides: [], packageFirstAt: null, closedAt: null, purgedAt: null, updatedAt: null });

function toRelease(row: ReleaseRow): LearnerRelease {
  return {
    userId: row.user_id,
    birthDate: row.birth_date,
    leavingDate: row.leaving_date,
    appraisal: JSON.parse(row.appraisal_json) as AppraisalEntry[],
    overrides: JSON.parse(row.overrides_json) as LevelOverride[],
    packageFirstAt: row.package_first_at,
    closedAt: row.closed_at,
    purgedAt: row.purged_at,
    updatedAt: row.updated_at,
  };
}

export type ReleaseChange = Partial<Pick<LearnerRelease, 'birthDate' | 'leavingDate' | 'appraisal' | 'overrides' | 'purgedAt'>>;

export class ReleasesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(userId: string): Promise<LearnerRelease> {
    const row = await this.db.selectFrom('learner_releases').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row ? toRelease(row) : empty(userId);
  }

  async list(): Promise<LearnerRelease[]> {
    const rows = await this.db.selectFrom('learner_releases').selectAll().orderBy('leaving_date').execute();
    return rows.map(toRelease);
  }

  async update(userId: string, change: ReleaseChange, by: string | null, now: string): Promise<void> {
    const next = { ...(await this.get(userId)), ...change };
    // The package and closing marks are never rewritten from this read: a draft saved while the
    // learner confirms must not undo the closing (they have their own conditional updates).
    const row: Omit<ReleaseRow, 'closed_at' | 'package_first_at'> = {
      user_id: userId,
      birth_date: next.birthDate,
      leaving_date: next.leavingDate,
      appraisal_json: JSON.stringify(next.appraisal),
      overrides_json: JSON.stringify(next.overrides),
      purged_at: next.purgedAt,
      updated_by: by,
      updated_at: now,
    };
    const { user_id: _id, ...set } = row;
    await this.db
      .insertInto('learner_releases')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet(set))
      .execute();
  }

  /**
   * Records the package's first download and returns it: later downloads keep the first date, so
   * parallel or repeated downloads all measure the period from the same moment.
   */
  async markPackageDownloaded(userId: string, now: string): Promise<string> {
    await this.db.insertInto('learner_releases').values({ user_id: userId, updated_at: now }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
    await this.db.updateTable('learner_releases').set({ package_first_at: now }).where('user_id', '=', userId).where('package_first_at', 'is', null).execute();
    return (await this.get(userId)).packageFirstAt as string;
  }

  /**
   * Marks the account closed after the learner (or the trainer) confirmed they have the package.
   * Conditional, so that of two parallel confirmations one closes and the other changes nothing.
   */
  async markClosed(userId: string, now: string, by: string | null): Promise<'closed' | 'alreadyClosed' | 'notDownloaded'> {
    const result = await this.db
      .updateTable('learner_releases')
      .set({ closed_at: now, updated_at: now, updated_by: by })
      .where('user_id', '=', userId)
      .where('closed_at', 'is', null)
      .where('package_first_at', 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return 'closed';
    return (await this.get(userId)).closedAt === null ? 'notDownloaded' : 'alreadyClosed';
  }

  /** Released learners whose leaving date is before `date` and who are not purged yet. */
  async releasedBefore(date: string): Promise<LearnerRelease[]> {
    const rows = await this.db
      .selectFrom('learner_releases')
      .selectAll()
      .where('leaving_date', 'is not', null)
      .where('leaving_date', '<', date)
      .where('purged_at', 'is', null)
      .execute();
    return rows.map(toRelease);
  }
}
