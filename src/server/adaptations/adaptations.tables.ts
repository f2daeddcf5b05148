/** Row types of the tables adaptations.migrations.ts creates. */
declare module '../db/database.ts' {
  interface Database {
    learner_time_allowances: LearnerTimeAllowancesTable;
    learner_reading_preferences: LearnerReadingPreferencesTable;
  }
}

export interface LearnerTimeAllowancesTable {
  user_id: string;
  /** A TimeAllowance, checked on read (isTimeAllowance). */
  allowance: string;
  set_by: string;
  set_at: string;
}

export interface LearnerReadingPreferencesTable {
  user_id: string;
  text_size: string;
  line_spacing: string;
  speech_pace: string;
  updated_at: string;
}
