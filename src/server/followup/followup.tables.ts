import type { HalfDay } from './attendance.ts';

/** Row types of the tables followup.migrations.ts creates. */
declare module '../db/database.ts' {
  interface Database {
    attendance: AttendanceTable;
    followup_learner_digest: FollowupLearnerDigestTable;
  }
}

export interface AttendanceTable {
  user_id: string;
  day: string;
  half_day: HalfDay;
  hours: number;
  recorded_by: string;
  recorded_at: string;
}

/** A projection of the LRS, keyed by watermark (digest format, framework hash, newest statement). */
export interface FollowupLearnerDigestTable {
  user_id: string;
  watermark: string;
  computed_at: string;
  digest: string;
  /** The competency levels alone (the board reads only these). */
  levels: string | null;
  /** The fold state the digest comes from (DigestState JSON), so new statements are added to it. */
  state: string | null;
}
