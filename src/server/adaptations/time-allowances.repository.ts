import type { Kysely } from 'kysely';
import { isTimeAllowance, type TimeAllowance } from './time-allowance.ts';
import type { Database } from '../db/database.ts';

type Db = Kysely<Database>;

export interface StoredAllowance {
  allowance: TimeAllowance;
  setBy: string;
  setAt: string;
}

/** learner_time_allowances: one row per learner who does not have the standard time. */
export class TimeAllowancesRepository {
  constructor(private readonly db: Db) {}

  async find(userId: string): Promise<StoredAllowance | null> {
    const row = await this.db.selectFrom('learner_time_allowances').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row || !isTimeAllowance(row.allowance)) return null;
    return { allowance: row.allowance, setBy: row.set_by, setAt: row.set_at };
  }

  /** The standard time is no row at all. */
  async set(userId: string, allowance: TimeAllowance, setBy: string, setAt: string): Promise<void> {
    await this.db.deleteFrom('learner_time_allowances').where('user_id', '=', userId).execute();
    if (allowance === 'standard') return;
    await this.db.insertInto('learner_time_allowances').values({ user_id: userId, allowance, set_by: setBy, set_at: setAt }).execute();
  }
}
