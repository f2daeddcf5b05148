import type { Kysely } from 'kysely';
import { DEFAULT_READING, readReadingForm, type ReadingPreferences } from './reading-preferences.ts';
import type { Database } from '../db/database.ts';

type Db = Kysely<Database>;

/** learner_reading_preferences: no row is the defaults. */
export class ReadingPreferencesRepository {
  constructor(private readonly db: Db) {}

  async find(userId: string): Promise<ReadingPreferences> {
    const row = await this.db.selectFrom('learner_reading_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row) return DEFAULT_READING;
    const read = readReadingForm({ textSize: row.text_size, lineSpacing: row.line_spacing, speechPace: row.speech_pace });
    return read.ok ? read.value : DEFAULT_READING;
  }

  async save(userId: string, p: ReadingPreferences, at: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('learner_reading_preferences').where('user_id', '=', userId).execute();
      await trx.insertInto('learner_reading_preferences').values({ user_id: userId, text_size: p.textSize, line_spacing: p.lineSpacing, speech_pace: p.speechPace, updated_at: at }).execute();
    });
  }
}
