import type { Kysely, Migration } from 'kysely';

// A migration runs against the schema as it was when it was written, not today's Database type
// (Kysely's advice for migrations): the one place where the handle stays untyped.
type AnyDb = Kysely<any>;

export const adaptationsMigrations: Record<string, Migration> = {
  '202612031800_adaptations_time_allowances': {
    async up(db: AnyDb) {
      // A trainer's "temps adapté" for one learner; no row is the standard time. Each change is
      // also written to the audit log (who, when, from what to what).
      await db.schema
        .createTable('learner_time_allowances')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('allowance', 'text', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '202612031801_adaptations_reading_preferences': {
    async up(db: AnyDb) {
      // The learner's own reading choices (text size, line spacing, read-aloud pace), kept
      // across sessions and terminals; no row is the defaults.
      await db.schema
        .createTable('learner_reading_preferences')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('text_size', 'text', (c) => c.notNull())
        .addColumn('line_spacing', 'text', (c) => c.notNull())
        .addColumn('speech_pace', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
