import { sql, type Kysely, type Migration } from 'kysely';

// A migration runs against the schema as it was when it was written, not today's Database type
// (Kysely's advice for migrations): the one place where the handle stays untyped.
type AnyDb = Kysely<any>;

export const learningMigrations: Record<string, Migration> = {
  '202611261600_learning_tables': {
    async up(db: AnyDb) {
      // Which modules a cohort follows, in which order, and what must be finished first.
      await db.schema
        .createTable('cohort_modules')
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
        .addColumn('module_id', 'text', (c) => c.notNull().references('course_modules.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('prerequisite_module_id', 'text')
        .addColumn('assigned_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cohort_modules_pk', ['cohort_id', 'module_id'])
        .execute();
      // Version pinning: a learner keeps the version they started. The module-level attempt
      // (its registration) and when it was finished live here too.
      await db.schema
        .createTable('learner_module_versions')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('module_id', 'text', (c) => c.notNull())
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addColumn('registration', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('success', 'integer')
        .addPrimaryKeyConstraint('learner_module_versions_pk', ['user_id', 'module_id'])
        .execute();
      // One row per attempt at an item; id is the attempt's xAPI registration. The state lets a
      // learner resume after logging out (current page, answers so far).
      await db.schema
        .createTable('learning_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('module_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('item_type', 'text', (c) => c.notNull())
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addColumn('attempt_number', 'integer', (c) => c.notNull())
        .addColumn('state_json', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('score_scaled', 'real')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('learning_attempts_item_idx').on('learning_attempts').columns(['user_id', 'module_id', 'item_id']).execute();
      // The progress projection: kept in step with stored statements by an LRS subscriber.
      await db.schema
        .createTable('learner_item_progress')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('module_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('score_scaled', 'real')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('duration_seconds', 'integer', (c) => c.notNull())
        .addColumn('last_registration', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('learner_item_progress_pk', ['user_id', 'module_id', 'item_id'])
        .execute();
    },
  },
  '202612031400_learning_projection_checkpoint': {
    // How far each projection of the LRS got: the stored id of the last statement it applied.
    async up(db: AnyDb) {
      await db.schema
        .createTable('projection_checkpoint')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('last_sid', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('projection_checkpoint').execute();
    },
  },
  '202612031430_learning_attempt_numbers_unique': {
    async up(db: AnyDb) {
      // Parallel first views once gave several "attempt 1": number each item's attempts again in
      // the order they started (the rows are kept: they are the learner's answers).
      await sql`update learning_attempts set attempt_number = (
        select count(*) from learning_attempts other where other.user_id = learning_attempts.user_id
          and other.module_id = learning_attempts.module_id and other.item_id = learning_attempts.item_id
          and (other.started_at < learning_attempts.started_at or (other.started_at = learning_attempts.started_at and other.id <= learning_attempts.id)))`.execute(db);
      // One attempt per number: of parallel starts (first view, retry), one inserts, the others find it.
      await db.schema.createIndex('learning_attempts_one_number').on('learning_attempts').columns(['user_id', 'module_id', 'item_id', 'attempt_number']).unique().execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropIndex('learning_attempts_one_number').execute();
    },
  },
};
