import crypto from 'node:crypto';
import session from 'express-session';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Clock } from '../clock.ts';

type AnyDb = Kysely<Database>;
type Callback<T = void> = (err?: unknown, value?: T) => void;

/**
 * The key a session is stored under: the SHA-256 of its id, never the id itself, so that
 * someone who reads the database cannot put a live id in a cookie and take over the session
 * (issue 12). The cookie carries the id; only its holder can present it.
 */
export const storedSessionKey = (sid: string): string => crypto.createHash('sha256').update(sid).digest('hex');

/**
 * express-session store on our own database (SQLite or PostgreSQL), so sessions survive a
 * restart and several instances can share them. No timers: expired rows are skipped on read
 * and pruned on write, which keeps test processes from hanging.
 */
export class KyselySessionStore extends session.Store {
  private writesSincePrune = 0;

  constructor(
    private readonly db: AnyDb,
    private readonly clock: Clock,
    private readonly defaultTtlMs: number,
  ) {
    super();
  }

  private expiry(sess: session.SessionData): number {
    const expires = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : undefined;
    return expires ?? this.clock().getTime() + this.defaultTtlMs;
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.db
      .selectFrom('http_sessions')
      .select(['data', 'expires_at'])
      .where('sid', '=', storedSessionKey(sid))
      .executeTakeFirst()
      .then((row) => {
        if (!row || Number(row.expires_at) <= this.clock().getTime()) return callback(undefined, null);
        callback(undefined, JSON.parse(row.data) as session.SessionData);
      })
      .catch((err) => callback(err));
  }

  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    const row = { sid: storedSessionKey(sid), data: JSON.stringify(sess), expires_at: this.expiry(sess), user_id: sess.userId ?? null };
    this.db
      .insertInto('http_sessions')
      .values(row)
      .onConflict((oc) => oc.column('sid').doUpdateSet({ data: row.data, expires_at: row.expires_at, user_id: row.user_id }))
      .execute()
      .then(() => this.pruneSometimes())
      .then(() => callback?.())
      .catch((err) => callback?.(err));
  }

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    this.db
      .updateTable('http_sessions')
      .set({ expires_at: this.expiry(sess) })
      .where('sid', '=', storedSessionKey(sid))
      .execute()
      .then(() => callback?.())
      .catch((err) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.db
      .deleteFrom('http_sessions')
      .where('sid', '=', storedSessionKey(sid))
      .execute()
      .then(() => callback?.())
      .catch((err) => callback?.(err));
  }

  /**
   * Ends every session of a user but `keepSid` (the one that changed the password): a password
   * change or reset must log out a terminal someone else left open, or a thief who knew the
   * old password (issue 13).
   */
  async endUserSessions(userId: string, keepSid: string | null): Promise<void> {
    let query = this.db.deleteFrom('http_sessions').where('user_id', '=', userId);
    if (keepSid !== null) query = query.where('sid', '<>', storedSessionKey(keepSid));
    await query.execute();
  }

  private async pruneSometimes(): Promise<void> {
    if (++this.writesSincePrune < 100) return;
    this.writesSincePrune = 0;
    await this.db.deleteFrom('http_sessions').where('expires_at', '<=', this.clock().getTime()).execute();
  }
}
