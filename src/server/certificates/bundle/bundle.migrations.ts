import type { Kysely, Migration } from 'kysely';

// A migration runs against the schema as it was when it was written, not today's Database type
// (Kysely's advice for migrations): the one place where the handle stays untyped.
type AnyDb = Kysely<any>;

export const bundleMigrations: Record<string, Migration> = {
  '202612031400_certificates_verification_bundles': {
    async up(db: AnyDb) {
      // Intranet: one row per exported bundle; the primary key makes the sequence strictly grow
      // even if two admins export at once.
      await db.schema
        .createTable('verify_bundle_exports')
        .addColumn('sequence', 'integer', (c) => c.primaryKey())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('certificates', 'integer', (c) => c.notNull())
        .execute();
      // Public site: the bundles it loaded, whole; it serves the one with the highest sequence.
      await db.schema
        .createTable('verify_bundles')
        .addColumn('sequence', 'integer', (c) => c.primaryKey())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('bundle', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
