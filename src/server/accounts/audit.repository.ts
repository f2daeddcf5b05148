import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { v7 as uuidv7 } from 'uuid';
import type { AuditAction, AuditEntry } from './audit-entry.ts';

type AnyDb = Kysely<Database>;

export type { AuditAction, AuditEntry } from './audit-entry.ts';

/** Append-only journal of logins and account changes. */
export class AuditRepository {
  constructor(private readonly db: AnyDb) {}

  async record(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: uuidv7(),
        at: entry.at,
        action: entry.action,
        actor_id: entry.actorId,
        subject: entry.subject,
        ip: entry.ip,
        details: entry.details,
      })
      .execute();
  }

  /** How many times `action` happened for this subject (or from this address) since `since`. */
  async countSince(action: AuditAction, by: { subject: string } | { ip: string; details?: string }, since: string): Promise<number> {
    let query = this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('action', '=', action)
      .where('at', '>=', since);
    query = 'subject' in by ? query.where('subject', '=', by.subject) : query.where('ip', '=', by.ip);
    if ('details' in by && by.details !== undefined) query = query.where('details', '=', by.details);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Has `action` been recorded for this subject (a form token, for instance) already? */
  async exists(action: AuditAction, subject: string): Promise<boolean> {
    const row = await this.db.selectFrom('audit_log').select('id').where('action', '=', action).where('subject', '=', subject).executeTakeFirst();
    return row !== undefined;
  }

  async latest(limit: number, offset = 0): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      actorId: r.actor_id,
      subject: r.subject,
      ip: r.ip,
      details: r.details,
    }));
  }
}
