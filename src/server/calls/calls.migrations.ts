import { sql, type Kysely, type Migration } from 'kysely';

// A migration runs against the schema as it was when it was written, not today's Database type
// (Kysely's advice for migrations): the one place where the handle stays untyped.
type AnyDb = Kysely<any>;

export const callsMigrations: Record<string, Migration> = {
  '202611261530_calls_reviews': {
    async up(db: AnyDb) {
      // A trainer's "double écoute" of one call (one registration): a grid and a comment.
      await db.schema
        .createTable('call_reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('registration', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('reviewer_id', 'text', (c) => c.notNull())
        .addColumn('grid_json', 'text', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('call_reviews_registration_idx').on('call_reviews').columns(['registration', 'created_at']).execute();
      await db.schema.createIndex('call_reviews_user_idx').on('call_reviews').columns(['user_id', 'created_at']).execute();
    },
  },
  '202611261531_calls_roleplay_calls': {
    async up(db: AnyDb) {
      // The server-side state of each simulated call; the id is the xAPI registration.
      await db.schema
        .createTable('roleplay_calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('module_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('registration', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        // Grows with every change of the state (its transcript length): updates compare-and-set
        // on it, so two posts computed from the same state cannot both be stored.
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('state_json', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('roleplay_calls_user_idx').on('roleplay_calls').columns(['user_id', 'status', 'updated_at']).execute();
    },
  },
  '202611261610_calls_attempt': {
    async up(db: AnyDb) {
      // 1-based attempt number of the learner at the item (xAPI attempt extension).
      await db.schema.alterTable('roleplay_calls').addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    },
  },
  '202612021930_calls_one_in_progress': {
    async up(db: AnyDb) {
      // Parallel starts once left several calls in progress on one item: keep the newest.
      await sql`update roleplay_calls set status = 'abandoned' where status = 'in_progress' and exists (
        select 1 from roleplay_calls other where other.user_id = roleplay_calls.user_id and other.module_id = roleplay_calls.module_id
          and other.item_id = roleplay_calls.item_id and other.status = 'in_progress'
          and (other.started_at > roleplay_calls.started_at or (other.started_at = roleplay_calls.started_at and other.id > roleplay_calls.id)))`.execute(db);
      // One call in progress per learner and item, whatever the number of parallel starts.
      await db.schema
        .createIndex('roleplay_calls_one_in_progress')
        .on('roleplay_calls')
        .columns(['user_id', 'module_id', 'item_id'])
        .unique()
        .where(sql.ref('status'), '=', 'in_progress')
        .execute();
    },
  },
  '202612031400_calls_rescores': {
    async up(db: AnyDb) {
      // A trainer's score of a typed answer of a finished call (issue 10, "the trainer's word
      // counts"). One row per effective change; the highest revision of a turn is in effect.
      await db.schema
        .createTable('call_rescores')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('registration', 'text', (c) => c.notNull())
        .addColumn('turn', 'integer', (c) => c.notNull())
        .addColumn('percent', 'integer', (c) => c.notNull())
        .addColumn('reviewer_id', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Two parallel posts computed from the same revision: the second is refused, then re-read.
      await db.schema.createIndex('call_rescores_revision').on('call_rescores').columns(['registration', 'revision']).unique().execute();
    },
  },
  '202612042130_calls_voice': {
    async up(db: AnyDb) {
      // A learner's agreement to have their spoken answers recorded (issue 14): no row, no recording.
      await db.schema
        .createTable('voice_consents')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('given_at', 'text', (c) => c.notNull())
        .execute();
      // One recording per turn statement; its sound is that statement's xAPI attachment (sha2).
      await db.schema
        .createTable('voice_recordings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('registration', 'text', (c) => c.notNull())
        .addColumn('statement_id', 'text', (c) => c.notNull().unique())
        .addColumn('turn', 'integer', (c) => c.notNull())
        .addColumn('sha2', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('voice_recordings_registration_idx').on('voice_recordings').columns(['registration', 'turn']).execute();
      await db.schema.createIndex('voice_recordings_user_idx').on('voice_recordings').columns(['user_id', 'recorded_at']).execute();
      await db.schema.createIndex('voice_recordings_recorded_idx').on('voice_recordings').columns(['recorded_at']).execute();
    },
  },
};
