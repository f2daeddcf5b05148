import { addDays, weekStart } from './paris-date.ts';

/**
 * Pure: time per week for the last `count` weeks up to the week of `today`, zero-filled, oldest
 * first, never before the week of `notBefore` (the cohort's start).
 */
export function weekSeries(weeks: ReadonlyArray<{ week: string; seconds: number }>, today: string, count: number, notBefore?: string): Array<{ week: string; seconds: number }> {
  const byWeek = new Map(weeks.map((w) => [w.week, w.seconds]));
  const last = weekStart(today);
  const floor = notBefore ? weekStart(notBefore) : null;
  const series: Array<{ week: string; seconds: number }> = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const week = addDays(last, -7 * i);
    if (floor && week < floor) continue;
    series.push({ week, seconds: byWeek.get(week) ?? 0 });
  }
  return series;
}
