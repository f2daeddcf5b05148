import type { Kysely, Migration } from 'kysely';

// A migration runs against the schema as it was when it was written, not today's Database type
// (Kysely's advice for migrations): the one place where the handle stays untyped.
type AnyDb = Kysely<any>;

export const accountsMigrations: Record<string, Migration> = {
  '202611261510_accounts_users': {
    async up(db: AnyDb) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('login', 'text', (c) => c.notNull())
        .addColumn('login_key', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_role_idx').on('users').column('role').execute();
    },
  },
  '202611261511_accounts_cohorts': {
    async up(db: AnyDb) {
      await db.schema
        .createTable('cohorts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cohort_members')
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('member_role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cohort_members_pk', ['cohort_id', 'user_id'])
        .execute();
      await db.schema.createIndex('cohort_members_user_idx').on('cohort_members').column('user_id').execute();
    },
  },
  '202611261512_accounts_audit_sessions_settings': {
    async up(db: AnyDb) {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('subject', 'text')
        .addColumn('ip', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_action_subject_idx').on('audit_log').columns(['action', 'subject', 'at']).execute();
      await db.schema.createIndex('audit_log_action_ip_idx').on('audit_log').columns(['action', 'ip', 'at']).execute();
      await db.schema
        .createTable('http_sessions')
        .addColumn('sid', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('http_sessions_expires_idx').on('http_sessions').column('expires_at').execute();
      await db.schema
        .createTable('app_settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Issue 12: sessions are now stored under the SHA-256 of their id, and the session secret is
  // derived from the secret key kept out of the database. Rows stored under a clear id could
  // be replayed by anyone who read the database: they go (everyone logs in again once).
  '202612031400_accounts_sessions_hashed_ids': {
    async up(db: AnyDb) {
      await db.deleteFrom('http_sessions').execute();
      await db.deleteFrom('app_settings').where('key', '=', 'session_secret').execute();
    },
  },
  // Issue 13: login attempts per account counted in one statement (see login-throttle.repository.ts),
  // and each session row names its user, so a password change can end that user's other sessions.
  '202612031800_accounts_login_throttle_session_user': {
    async up(db: AnyDb) {
      await db.schema
        .createTable('login_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('last_at', 'bigint', (c) => c.notNull())
        .addColumn('allowed_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('http_sessions').addColumn('user_id', 'text').execute();
      await db.schema.createIndex('http_sessions_user_idx').on('http_sessions').column('user_id').execute();
    },
  },
};
