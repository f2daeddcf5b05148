import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const coursesMigrations: Record<string, Migration> = {
  '202611261520_courses_versions': {
    async up(db: AnyDb) {
      // One row per module; title and summary follow its latest version for listings.
      await db.schema
        .createTable('course_modules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('latest_version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Immutable: rows are only ever inserted. Learners keep the (module_id, version) they started.
      await db.schema
        .createTable('course_versions')
        .addColumn('module_id', 'text', (c) => c.notNull().references('course_modules.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('format_version', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('course_versions_pk', ['module_id', 'version'])
        .execute();
      // Media by content: a file shared by several versions is stored once. Base64 text keeps
      // one column type for both dialects (blob vs bytea); course media are small.
      await db.schema
        .createTable('course_assets')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('data_base64', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
