import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** The few aggregates the partner view reads from other areas' tables: counts and sums only. */
export class PartnerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Certificates of the cohort in the registry that are still valid (a replaced one counts once, as its replacement). */
  async certificatesIssued(cohortId: string): Promise<number> {
    const row = await this.db
      .selectFrom('certificates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cohort_id', '=', cohortId)
      .where('status', '=', 'valid')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Time on task of these learners, from the progress projection. */
  async timeOnTaskSeconds(userIds: readonly string[]): Promise<number> {
    if (userIds.length === 0) return 0;
    const row = await this.db
      .selectFrom('learner_item_progress')
      .select((eb) => eb.fn.sum<number>('duration_seconds').as('s'))
      .where('user_id', 'in', [...userIds])
      .executeTakeFirst();
    return Number(row?.s ?? 0);
  }
}
