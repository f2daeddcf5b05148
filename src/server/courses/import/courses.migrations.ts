import { sql, type Kysely, type Migration } from 'kysely';

// A migration runs against the schema as it was when it was written, not today's Database type
// (Kysely's advice for migrations): the one place where the handle stays untyped.
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
  '202612031730_courses_disk_origin': {
    async up(db: AnyDb) {
      // Where each version came from: 'disk' (imported from courses/) or 'authoring' (published
      // in the browser or from an uploaded zip). The start-up import never puts a disk version
      // over an authoring one (docs/authoring.md "Source of truth").
      await db.schema.alterTable('course_versions').addColumn('origin', 'text', (c) => c.notNull().defaultTo('disk')).execute();
      // Versions published through authoring kept their sources in authoring_version_files
      // (an earlier migration): those are the authoring ones.
      await sql`update course_versions set origin = 'authoring' where exists (select 1 from authoring_version_files f where f.module_id = course_versions.module_id and f.version = course_versions.version)`.execute(db);
      // The content hash of courses/<module> the import last dealt with (imported, or seen in a
      // conflict the trainer resolved): a folder with that hash has nothing new to say.
      await db.schema
        .createTable('course_disk_imports')
        .addColumn('module_id', 'text', (c) => c.primaryKey())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      // A folder that changed on disk while the latest version was published in the browser:
      // the browser version is kept and the trainer resolves it in the authoring area.
      await db.schema
        .createTable('course_import_conflicts')
        .addColumn('module_id', 'text', (c) => c.primaryKey())
        .addColumn('disk_hash', 'text', (c) => c.notNull())
        .addColumn('kept_version', 'integer', (c) => c.notNull())
        .addColumn('draft_from_disk', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('detected_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '202612040330_course_frameworks': {
    async up(db: AnyDb) {
      // The framework is stored by the import like module versions are, so that the board, the
      // digests and certificates read what was imported, not whatever the file says today.
      await db.schema
        .createTable('course_frameworks')
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
