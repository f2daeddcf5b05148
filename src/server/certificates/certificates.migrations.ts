import crypto from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import { randomVerificationCode } from './verification-code.ts';
import { randomStatusIndex } from './status-list.ts';

// A migration runs against the schema as it was when it was written, not today's Database type
// (Kysely's advice for migrations): the one place where the handle stays untyped.
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
  '202612031330_certificates_binding': {
    async up(db: AnyDb) {
      // Issue 12: each credential carries a Bitstring Status List entry (its index), the printed
      // code employers type is random (not the sequential number), and the registry keeps the
      // SHA-256 of the issued PDF and credential so that a forged PDF is told apart.
      await db.schema.alterTable('certificates').addColumn('status_index', 'integer').execute();
      await db.schema.alterTable('certificates').addColumn('verification_code', 'text').execute();
      await db.schema.alterTable('certificates').addColumn('pdf_sha256', 'text').execute();
      await db.schema.alterTable('certificates').addColumn('credential_sha256', 'text').execute();
      // Existing rows get an index and a code (their PDFs keep printing the old number, and their
      // credentials carry no status entry; the PDF hash stays unknown: see docs/certificates.md).
      const rows = (await db.selectFrom('certificates').select(['id', 'credential_jwt']).orderBy('issued_at').execute()) as Array<{ id: string; credential_jwt: string | null }>;
      const indexes = new Set<number>();
      const codes = new Set<string>();
      for (const row of rows) {
        let index = randomStatusIndex();
        while (indexes.has(index)) index = randomStatusIndex();
        indexes.add(index);
        let code = randomVerificationCode();
        while (codes.has(code)) code = randomVerificationCode();
        codes.add(code);
        const credentialSha256 = row.credential_jwt === null ? null : crypto.createHash('sha256').update(row.credential_jwt).digest('hex');
        await db.updateTable('certificates').set({ status_index: index, verification_code: code, credential_sha256: credentialSha256 }).where('id', '=', row.id).execute();
      }
      // The issued PDF itself, kept so that a download gives the very bytes whose hash the registry
      // holds, whatever later changes to the layout; emptied by the retention purge.
      await db.schema
        .createTable('certificate_pdfs')
        .addColumn('certificate_id', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('data_base64', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('certificates_status_index_uq').on('certificates').column('status_index').unique().execute();
      await db.schema.createIndex('certificates_verification_code_uq').on('certificates').column('verification_code').unique().execute();
      // Parallel issues once left several valid certificates for one learner: keep the newest valid.
      await sql`update certificates set status = 'replaced', revoked_reason = 'remplacée' where status = 'valid' and user_id is not null and exists (
        select 1 from certificates other where other.user_id = certificates.user_id and other.status = 'valid'
          and (other.issued_at > certificates.issued_at or (other.issued_at = certificates.issued_at and other.id > certificates.id)))`.execute(db);
      // Issue 11: at most one valid (neither revoked nor replaced) certificate per learner.
      await db.schema.createIndex('certificates_one_valid_per_learner').on('certificates').column('user_id').unique().where(sql.ref('status'), '=', 'valid').execute();
    },
  },
  '202612042130_certificates_package_window': {
    async up(db: AnyDb) {
      // Issue 13: the leaving package can be downloaded again for a few days after its first
      // download, and the account closes on confirmation, no longer when the download starts.
      await db.schema.alterTable('learner_releases').addColumn('package_first_at', 'text').execute();
      // Packages downloaded before: the old download closed the account at once, so that is when.
      await db.updateTable('learner_releases').set({ package_first_at: sql.ref('closed_at') }).where('closed_at', 'is not', null).execute();
    },
  },
};
