import type { Kysely, Migration } from 'kysely';

// A migration runs against the schema as it was when it was written, not today's Database type
// (Kysely's advice for migrations): the one place where the handle stays untyped.
type AnyDb = Kysely<any>;

export const authoringMigrations: Record<string, Migration> = {
  '202611261630_authoring_drafts': {
    async up(db: AnyDb) {
      // One draft per module: the module folder's files, exactly as in courses/, as JSON text
      // (path -> { text } or { base64 } for media).
      await db.schema
        .createTable('authoring_drafts')
        .addColumn('module_id', 'text', (c) => c.primaryKey())
        .addColumn('files_json', 'text', (c) => c.notNull())
        .addColumn('base_version', 'integer')
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The source files of each published version (versions store only parsed content), so
      // that history diffs, exports and new drafts start from what the trainer wrote.
      await db.schema
        .createTable('authoring_version_files')
        .addColumn('module_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('files_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('authoring_version_files_pk', ['module_id', 'version'])
        .execute();
    },
  },
};
