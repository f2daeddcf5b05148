import type { DatabaseHandle } from '../db/connection.ts';
import { oldestStatements } from '../../lrs/index.ts';
import { SettingsRepository } from '../settings/settings.repository.ts';

const KEY = 'instance_iri';
const LMS_AUTHORITY = 'tremplin-lms';

/**
 * The instance's stable identity in xAPI: the `homePage` of every learner and of the LMS's
 * authority, and the base of every activity id. It is fixed at the first start and never follows
 * BASE_URL afterwards, so moving the server to another address keeps every learner's history.
 * A database from before this setting is migrated to the address its statements were written
 * with: the homePage of the oldest statement the LMS stored itself; else the current BASE_URL.
 */
export async function resolveInstanceIri(database: Pick<DatabaseHandle, 'db' | 'shared' | 'dialect'>, baseUrl: string): Promise<string> {
  const settings = new SettingsRepository(database.db);
  const stored = await settings.get(KEY);
  if (stored !== null) return stored;
  const historical = await homePageOfOldestLmsStatement(database);
  return settings.getOrCreate(KEY, () => historical ?? baseUrl.replace(/\/+$/, ''));
}

/** Read through the LRS's own repository, on the handle naming no table (the LRS types its view). */
async function homePageOfOldestLmsStatement(database: Pick<DatabaseHandle, 'shared' | 'dialect'>): Promise<string | null> {
  for (const statement of await oldestStatements(database.shared, database.dialect, 50)) {
    const account = (statement as { authority?: { account?: { homePage?: unknown; name?: unknown } } }).authority?.account;
    if (account?.name === LMS_AUTHORITY && typeof account.homePage === 'string') return account.homePage;
  }
  return null;
}
