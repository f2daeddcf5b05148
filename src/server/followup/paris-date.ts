// Formatters are costly to build and cheap to use: built once.
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' });
const DAY_TIME = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The calendar day in Paris (the workshop's time zone) of an instant, as 'YYYY-MM-DD'. */
export function parisDay(date: Date): string {
  return DAY.format(date);
}

/** True for a real calendar day written 'YYYY-MM-DD'. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Monday of the ISO week of a 'YYYY-MM-DD' day. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const offset = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - offset);
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant (ms) of midnight in Paris at the start of a 'YYYY-MM-DD' day. */
export function parisMidnightUtc(day: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // Paris is UTC+1 or UTC+2; the offset at that moment tells which.
  const parts = HOUR.formatToParts(new Date(utcMidnight));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return utcMidnight - hour * 3_600_000;
}

/** 'YYYY-MM-DD HH:mm' in Paris time, for exports. */
export function parisDateTime(date: Date): string {
  const p = Object.fromEntries(DAY_TIME.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
