/** One row of the audit journal, as the rest of the code sees it. */
export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'password_changed'
  | 'password_reset'
  | 'user_created'
  | 'user_deactivated'
  | 'user_reactivated'
  | 'cohort_created'
  | 'cohort_updated'
  | 'cohort_member_added'
  | 'cohort_member_removed'
  | 'users_imported'
  | 'lrs_key_created'
  | 'lrs_key_revoked'
  | (string & {});

export interface AuditEntry {
  id: string;
  at: string;
  action: AuditAction;
  actorId: string | null;
  subject: string | null;
  ip: string | null;
  details: string | null;
}
