import type { Generated } from 'kysely';
import type { Role } from './roles.ts';

/** Row types of the tables accounts.migrations.ts creates for accounts (the cohorts', sessions' and settings' are declared by their areas). */
declare module '../db/database.ts' {
  interface Database {
    users: UsersTable;
    audit_log: AuditLogTable;
    login_throttle: LoginThrottleTable;
  }
}

export interface UsersTable {
  id: string;
  login: string;
  /** The login folded for uniqueness (case, accents). */
  login_key: string;
  display_name: string;
  name_key: string;
  /** Only the app writes this column, and only a Role. */
  role: Role;
  password_hash: string;
  /** 0 or 1. */
  must_change_password: Generated<number>;
  /** 0 or 1. */
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  action: string;
  actor_id: string | null;
  subject: string | null;
  ip: string | null;
  /** JSON. */
  details: string | null;
}

/** Per login key: attempts in the current window and when the next one may be evaluated (epoch ms). */
export interface LoginThrottleTable {
  key: string;
  attempts: number;
  last_at: number;
  allowed_at: number;
}
