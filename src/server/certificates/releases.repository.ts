/** learner_releases: birth date (admin), leaving date and the trainer's draft, account closing and purge marks. */
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
  closedAt: string | null;
  purgedAt: string | null;
  updatedAt: string | null;
}

type ReleaseRow = Selectable<LearnerReleasesTable>;

const empty = (userId: string): LearnerRelease => ({ userId, birthDate: null, leavingDate: null, appraisal: [], overrides: [], closedAt: null, purgedAt: null, updatedAt: null });

function toRelease(row: ReleaseRow): LearnerRelease {
  return {
    userId: row.user_id,
    birthDate: row.birth_date,
    leavingDate: row.leaving_date,
    appraisal: JSON.parse(row.appraisal_json) as AppraisalEntry[],
    overrides: JSON.parse(row.overrides_json) as LevelOverride[],
    closedAt: row.closed_at,
    purgedAt: row.purged_at,
    updatedAt: row.updated_at,
  };
}

export type ReleaseChange = Partial<Pick<LearnerRelease, 'birthDate' | 'leavingDate' | 'appraisal' | 'overrides' | 'closedAt' | 'purgedAt'>>;

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
    const row: ReleaseRow = {
      user_id: userId,
      birth_date: next.birthDate,
      leaving_date: next.leavingDate,
      appraisal_json: JSON.stringify(next.appraisal),
      overrides_json: JSON.stringify(next.overrides),
      closed_at: next.closedAt,
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
