import type { Kysely, Migration } from 'kysely';

// A migration runs against the schema as it was when it was written, not today's Database type
// (Kysely's advice for migrations): the one place where the handle stays untyped.
type AnyDb = Kysely<any>;

export const followupMigrations: Record<string, Migration> = {
  '202611261600_followup_attendance': {
    async up(db: AnyDb) {
      await db.schema
        .createTable('attendance')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('half_day', 'text', (c) => c.notNull())
        .addColumn('hours', 'real', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('attendance_pk', ['user_id', 'day', 'half_day'])
        .execute();
      await db.schema.createIndex('attendance_day_idx').on('attendance').column('day').execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('attendance').ifExists().execute();
    },
  },
  '202611261601_followup_learner_digest': {
    // Per learner, what needs all their statements (levels, weeks, calls), with the id of the
    // newest statement it was computed from: a page recomputes it only when that changed.
    async up(db: AnyDb) {
      await db.schema
        .createTable('followup_learner_digest')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('watermark', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('followup_learner_digest').ifExists().execute();
    },
  },
  '202611261602_followup_digest_levels': {
    // The board needs only the levels of 24 learners: kept apart from the (larger) whole digest.
    async up(db: AnyDb) {
      await db.schema.alterTable('followup_learner_digest').addColumn('levels', 'text').execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('followup_learner_digest').dropColumn('levels').execute();
    },
  },
  '202612031810_followup_digest_state': {
    // The fold state a digest comes from, so new statements are added to it instead of folding
    // all of a learner's statements again (issue 15).
    async up(db: AnyDb) {
      await db.schema.alterTable('followup_learner_digest').addColumn('state', 'text').execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('followup_learner_digest').dropColumn('state').execute();
    },
  },
};
