import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const certificatesMigrations: Record<string, Migration> = {
  '202611261600_certificates_releases': {
    async up(db: AnyDb) {
      // One row per learner the certificate area knows about: the birth date an admin entered
      // (never in the LRS), the leaving date, the trainer's draft (appraisal, level overrides),
      // and when the account was closed and the personal data purged.
      await db.schema
        .createTable('learner_releases')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('birth_date', 'text')
        .addColumn('leaving_date', 'text')
        .addColumn('appraisal_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('overrides_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('closed_at', 'text')
        .addColumn('purged_at', 'text')
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '202611261601_certificates_registry': {
    async up(db: AnyDb) {
      // The registry: what was issued, whole (snapshot), its hash and signed credential. After the
      // retention period the personal columns are emptied; number, hash, status, dates and
      // initials stay so that verification keeps working.
      await db.schema
        .createTable('certificates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('cohort_id', 'text')
        .addColumn('holder_initials', 'text', (c) => c.notNull())
        .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('snapshot_json', 'text')
        .addColumn('snapshot_hash', 'text', (c) => c.notNull())
        .addColumn('credential_jwt', 'text')
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_reason', 'text')
        .addColumn('replaced_by', 'text')
        .addColumn('replaces', 'text')
        .addColumn('purged_at', 'text')
        .addUniqueConstraint('certificates_year_seq_uq', ['year', 'seq'])
        .execute();
      await db.schema.createIndex('certificates_user_idx').on('certificates').columns(['user_id', 'issued_at']).execute();
      await db.schema.createIndex('certificates_cohort_idx').on('certificates').columns(['cohort_id', 'issued_at']).execute();
      await db.schema.createIndex('certificates_issued_idx').on('certificates').column('issued_at').execute();
      // Logos, content-addressed, so that an old certificate renders with the logo it was issued with.
      await db.schema
        .createTable('certificate_assets')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('data_base64', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
