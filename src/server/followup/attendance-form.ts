import { HALF_DAYS, MAX_HALF_DAY_HOURS, type HalfDay } from './attendance.ts';

export type HoursInput = { ok: true; hours: number | null } | { ok: false };

/** "3,5", "3.5" or "" (not recorded). Quarter hours only, 0 (absent) to a full half-day. */
export function parseHours(raw: unknown): HoursInput {
  if (raw === undefined || raw === null) return { ok: true, hours: null };
  if (typeof raw !== 'string') return { ok: false };
  const text = raw.trim().replace(',', '.');
  if (text === '') return { ok: true, hours: null };
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(text)) return { ok: false };
  const hours = Number(text);
  if (hours < 0 || hours > MAX_HALF_DAY_HOURS || Math.round(hours * 4) !== hours * 4) return { ok: false };
  return { ok: true, hours };
}

export const fieldName = (halfDay: HalfDay, userId: string) => `${halfDay}_${userId}`;

export interface DayChanges {
  changes: Array<{ userId: string; day: string; halfDay: HalfDay; hours: number | null }>;
  /** Field name -> catalogue key. */
  errors: Record<string, string>;
}

/** Reads the hours of every learner of the day's form; any bad field makes the whole form fail. */
export function readDayForm(body: Record<string, unknown>, learnerIds: readonly string[], day: string): DayChanges {
  const result: DayChanges = { changes: [], errors: {} };
  for (const userId of learnerIds) {
    for (const halfDay of HALF_DAYS) {
      const name = fieldName(halfDay, userId);
      const parsed = parseHours(body[name]);
      if (!parsed.ok) result.errors[name] = 'followup.attendance.errors.hours';
      else result.changes.push({ userId, day, halfDay, hours: parsed.hours });
    }
  }
  return result;
}
