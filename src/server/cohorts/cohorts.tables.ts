import type { CohortMemberRole } from './cohort.ts';

/** Row types of the cohort tables (created by accounts.migrations.ts, read and written here). */
declare module '../db/database.ts' {
  interface Database {
    cohorts: CohortsTable;
    cohort_members: CohortMembersTable;
  }
}

export interface CohortsTable {
  id: string;
  name: string;
  start_date: string;
  end_date: string;
  created_at: string;
}

export interface CohortMembersTable {
  cohort_id: string;
  user_id: string;
  member_role: CohortMemberRole;
}
