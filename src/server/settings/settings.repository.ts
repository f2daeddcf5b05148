import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

type AnyDb = Kysely<Database>;

/** Small key/value settings kept in the database (generated secrets, admin choices). */
export class SettingsRepository {
  constructor(private readonly db: AnyDb) {}

  async get(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? row.value : null;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('app_settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  /** Returns the stored value, or stores and returns `create()`; safe if two instances race. */
  async getOrCreate(key: string, create: () => string): Promise<string> {
    const existing = await this.get(key);
    if (existing !== null) return existing;
    await this.db
      .insertInto('app_settings')
      .values({ key, value: create() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return (await this.get(key)) as string;
  }
}
