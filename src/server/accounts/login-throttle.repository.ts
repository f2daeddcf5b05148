import { sql, type Kysely, type RawBuilder } from 'kysely';
import { delayAfterAttempt, LOGIN_THROTTLE } from './login-throttle.ts';
import type { Database } from '../db/database.ts';

type Db = Kysely<Database>;

const ms = (value: number): RawBuilder<number> => sql<number>`cast(${value} as bigint)`;

/** delayAfterAttempt as SQL over an attempt-number expression (one CASE, same on both dialects). */
function delaySql(attempt: RawBuilder<number>): RawBuilder<number> {
  const steps = LOGIN_THROTTLE.delaysMs.map((_, i) => LOGIN_THROTTLE.freeAttempts + i);
  const whens = steps.map((n) => sql`when ${attempt} = ${sql.lit(n)} then ${sql.lit(delayAfterAttempt(n))}`);
  return sql<number>`(case when ${attempt} < ${sql.lit(LOGIN_THROTTLE.freeAttempts)} then 0 ${sql.join(whens, sql` `)} else ${sql.lit(LOGIN_THROTTLE.maxDelayMs)} end)`;
}

/**
 * Per-account login counter. reserve() counts and decides in ONE upsert, before the password is
 * evaluated: parallel requests are serialised on the row, so 30 at once get attempt numbers
 * 1..30 and only the allowed ones go on to the hash (checking first and recording after let 29
 * guesses through on PostgreSQL).
 */
export class LoginThrottleRepository {
  constructor(private readonly db: Db) {}

  /** Takes an attempt for `key` at `now` (epoch ms): true if it may be evaluated now. */
  async reserve(key: string, now: number): Promise<boolean> {
    const stale = now - LOGIN_THROTTLE.windowMs;
    const isStale = sql<boolean>`login_throttle.last_at <= ${ms(stale)}`;
    const next = sql<number>`(case when ${isStale} then 1 else login_throttle.attempts + 1 end)`;
    const row = await this.db
      .insertInto('login_throttle')
      .values({ key, attempts: 1, last_at: ms(now), allowed_at: ms(now + delayAfterAttempt(1)) })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ attempts: next, last_at: ms(now), allowed_at: sql`${ms(now)} + ${delaySql(next)}` })
          .where(sql<boolean>`${isStale} or login_throttle.allowed_at <= ${ms(now)}`),
      )
      .returning('attempts')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Whether `key` has attempts in the current window that a success has not cleared. */
  async hasRecentAttempts(key: string, now: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('login_throttle')
      .select('key')
      .where('key', '=', key)
      .where('last_at', '>', now - LOGIN_THROTTLE.windowMs)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** After a success, or when an admin lifts the delay. */
  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }

  /** The keys that must wait before their next attempt. */
  async heldKeys(now: number): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('login_throttle')
      .select('key')
      .where('allowed_at', '>', now)
      .where('last_at', '>', now - LOGIN_THROTTLE.windowMs)
      .execute();
    return new Set(rows.map((r) => String(r.key)));
  }

  /** When the account may try again (epoch ms), or null if it may now. */
  async blockedUntil(key: string, now: number): Promise<number | null> {
    const row = await this.db.selectFrom('login_throttle').select(['allowed_at', 'last_at']).where('key', '=', key).executeTakeFirst();
    if (!row || Number(row.last_at) <= now - LOGIN_THROTTLE.windowMs || Number(row.allowed_at) <= now) return null;
    return Number(row.allowed_at);
  }
}
