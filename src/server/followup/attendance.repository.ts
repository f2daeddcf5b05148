import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AttendanceEntry, AttendanceRecord, AttendanceTotal } from './attendance.ts';


/** Storage of attendance. Days are 'YYYY-MM-DD' text, so ranges compare as text on both dialects. */
export class AttendanceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Hours a learner was present, between two days included (either may be left open).
   * The certificate reads the hours it prints through this function.
   */
  async attendanceHours(userId: string, from?: string, to?: string): Promise<number> {
    let q = this.db.selectFrom('attendance').select((eb) => eb.fn.sum<number>('hours').as('total')).where('user_id', '=', userId);
    if (from) q = q.where('day', '>=', from);
    if (to) q = q.where('day', '<=', to);
    const row = await q.executeTakeFirst();
    return Number(row?.total ?? 0);
  }

  async totals(userIds: readonly string[], from?: string, to?: string): Promise<Map<string, AttendanceTotal>> {
    const totals = new Map<string, AttendanceTotal>();
    if (userIds.length === 0) return totals;
    let q = this.db
      .selectFrom('attendance')
      .select((eb) => ['user_id', eb.fn.sum<number>('hours').as('hours'), eb.fn.sum<number>(eb.case().when('hours', '>', 0).then(1).else(0).end()).as('half_days')])
      .where('user_id', 'in', userIds)
      .groupBy('user_id');
    if (from) q = q.where('day', '>=', from);
    if (to) q = q.where('day', '<=', to);
    for (const r of await q.execute()) totals.set(r.user_id, { userId: r.user_id, hours: Number(r.hours), halfDays: Number(r.half_days) });
    return totals;
  }

  async list(userIds: readonly string[], from?: string, to?: string): Promise<AttendanceRecord[]> {
    if (userIds.length === 0) return [];
    let q = this.db.selectFrom('attendance').selectAll().where('user_id', 'in', userIds);
    if (from) q = q.where('day', '>=', from);
    if (to) q = q.where('day', '<=', to);
    const rows = await q.orderBy('day').orderBy('half_day').execute();
    return rows.map((r) => ({
      userId: r.user_id,
      day: r.day,
      halfDay: r.half_day,
      hours: Number(r.hours),
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
    }));
  }

  /**
   * Replaces the given half-days in one transaction: `hours === null` clears a half-day, any
   * number records it. Either every change is stored or none.
   */
  async save(changes: ReadonlyArray<Omit<AttendanceEntry, 'hours'> & { hours: number | null }>, recordedBy: string, recordedAt: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const c of changes) {
        await trx.deleteFrom('attendance').where('user_id', '=', c.userId).where('day', '=', c.day).where('half_day', '=', c.halfDay).execute();
        if (c.hours !== null) {
          await trx
            .insertInto('attendance')
            .values({ user_id: c.userId, day: c.day, half_day: c.halfDay, hours: c.hours, recorded_by: recordedBy, recorded_at: recordedAt })
            .execute();
        }
      }
    });
  }
}
