import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { compareNames } from '../text/natural-order.ts';
import type { Cohort, CohortMember, CohortMemberRole } from './cohort.ts';
import type { CohortsTable } from './cohorts.tables.ts';

type AnyDb = Kysely<Database>;

type CohortRow = CohortsTable;

const toCohort = (r: CohortRow): Cohort => ({ id: r.id, name: r.name, startDate: r.start_date, endDate: r.end_date, createdAt: r.created_at });

export class CohortsRepository {
  constructor(private readonly db: AnyDb) {}

  async insert(cohort: Cohort): Promise<void> {
    await this.db
      .insertInto('cohorts')
      .values({ id: cohort.id, name: cohort.name, start_date: cohort.startDate, end_date: cohort.endDate, created_at: cohort.createdAt })
      .execute();
  }

  async update(id: string, fields: { name: string; startDate: string; endDate: string }): Promise<void> {
    await this.db.updateTable('cohorts').set({ name: fields.name, start_date: fields.startDate, end_date: fields.endDate }).where('id', '=', id).execute();
  }

  async findById(id: string): Promise<Cohort | null> {
    const row = (await this.db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst());
    return row ? toCohort(row) : null;
  }

  async list(): Promise<Cohort[]> {
    const rows = (await this.db.selectFrom('cohorts').selectAll().orderBy('start_date', 'desc').orderBy('name').execute());
    return rows.map(toCohort);
  }

  async members(cohortId: string): Promise<CohortMember[]> {
    const rows = await this.db
      .selectFrom('cohort_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.member_role', 'u.display_name', 'u.login', 'u.active', 'u.name_key'])
      .where('m.cohort_id', '=', cohortId)
      .orderBy('m.member_role', 'desc')
      .orderBy('u.name_key')
      .execute();
    // Trainers first, then names in natural order ("Stagiaire 2" before "Stagiaire 10"): SQL collations cannot.
    const members = rows.map((r) => ({
      userId: r.user_id,
      memberRole: r.member_role,
      displayName: r.display_name,
      login: r.login,
      active: Number(r.active) === 1,
    }));
    return members.sort((a, b) => (a.memberRole === b.memberRole ? compareNames(a.displayName, b.displayName) : a.memberRole < b.memberRole ? 1 : -1));
  }

  async addMember(cohortId: string, userId: string, memberRole: CohortMemberRole): Promise<void> {
    await this.db.deleteFrom('cohort_members').where('cohort_id', '=', cohortId).where('user_id', '=', userId).execute();
    await this.db.insertInto('cohort_members').values({ cohort_id: cohortId, user_id: userId, member_role: memberRole }).execute();
  }

  async removeMember(cohortId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('cohort_members').where('cohort_id', '=', cohortId).where('user_id', '=', userId).execute();
  }

  /** Cohorts a user belongs to, with the role they hold there. */
  async cohortsOf(userId: string): Promise<Array<Cohort & { memberRole: CohortMemberRole }>> {
    const rows = await this.db
      .selectFrom('cohort_members as m')
      .innerJoin('cohorts as c', 'c.id', 'm.cohort_id')
      .select(['c.id', 'c.name', 'c.start_date', 'c.end_date', 'c.created_at', 'm.member_role'])
      .where('m.user_id', '=', userId)
      .orderBy('c.start_date', 'desc')
      .execute();
    return rows.map((r) => ({ ...toCohort(r), memberRole: r.member_role }));
  }
}
