/** Row type of the session table (created by accounts.migrations.ts). */
declare module '../db/database.ts' {
  interface Database {
    http_sessions: HttpSessionsTable;
  }
}

export interface HttpSessionsTable {
  sid: string;
  /** The session as JSON. */
  data: string;
  /** Milliseconds since the epoch (bigint, read as a number on both dialects). */
  expires_at: number;
  /** The signed-in user, so that their sessions can be ended together (null before sign-in). */
  user_id: string | null;
}
