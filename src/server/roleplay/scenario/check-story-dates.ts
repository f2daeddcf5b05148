import { FRENCH_MONTHS, FRENCH_WEEKDAYS, findWeekdayDates, weekdayOf, type WeekdayDate } from '../../text/french-dates.ts';
import { isMap, type FieldReader, type Path, type YamlMap } from './field-reader.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface StoryDate {
  iso: string;
  year: number;
  month: number;
  day: number;
}

/**
 * `storyDate: YYYY-MM-DD`, the day the story happens on. Every scenario declares it, so that the
 * weekdays written in its texts can be checked against that year's calendar.
 */
export function parseStoryDate(reader: FieldReader, top: YamlMap): StoryDate | undefined {
  const raw = top.storyDate;
  // YAML reads an unquoted 2026-11-24 as a timestamp: accept it as the date it names.
  const text = raw instanceof Date && !Number.isNaN(raw.getTime()) ? raw.toISOString().slice(0, 10) : raw;
  if (text === undefined || text === null) {
    reader.error([], '« storyDate » est obligatoire : la date du jour où se passe l’histoire, au format AAAA-MM-JJ (ex. storyDate: 2026-11-24).');
    return undefined;
  }
  const m = typeof text === 'string' ? ISO_DATE.exec(text.trim()) : null;
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || weekdayOf(year, month, day) === undefined) {
    reader.error(['storyDate'], `« storyDate » doit être une date réelle au format AAAA-MM-JJ (ici « ${String(text)} »).`);
    return undefined;
  }
  return { iso: `${m[1]}-${m[2]}-${m[3]}`, year, month, day };
}

/**
 * Every "weekday + date" written anywhere in the scenario must agree with the calendar. A date
 * without a year is read in the story's year; a bare day ("samedi 5") in the story's month or
 * the next one, since stories talk about the coming days.
 */
export function checkStoryDates(reader: FieldReader, data: unknown, story: StoryDate): void {
  walkTexts(data, [], (text, path) => {
    for (const found of findWeekdayDates(text)) {
      const message = mismatch(found, story);
      if (message) reader.error(path, message);
    }
  });
}

function mismatch(found: WeekdayDate, story: StoryDate): string | undefined {
  const written = FRENCH_WEEKDAYS[found.weekday];
  if (found.month === undefined) {
    const candidates = [story.month, (story.month % 12) + 1].map((month) => ({ month, year: month < story.month ? story.year + 1 : story.year }));
    if (candidates.some((c) => weekdayOf(c.year, c.month, found.day) === found.weekday)) return undefined;
    const actual = candidates.map((c) => `le ${dayMonth(found.day, c.month)} ${c.year} ${describeWeekday(c.year, c.month, found.day)}`).join(', ');
    return `« ${found.phrase} » ne correspond pas au calendrier : ${actual} (storyDate ${story.iso}).`;
  }
  const year = found.year ?? story.year;
  const actual = weekdayOf(year, found.month, found.day);
  if (actual === found.weekday) return undefined;
  const what = `le ${dayMonth(found.day, found.month)} ${year}${found.year === undefined ? ` (année de storyDate ${story.iso})` : ''}`;
  if (actual === undefined) return `« ${found.phrase} » : ${what} n’existe pas.`;
  return `« ${found.phrase} » : ${what} est un ${FRENCH_WEEKDAYS[actual]}, pas un ${written}.`;
}

function describeWeekday(year: number, month: number, day: number): string {
  const weekday = weekdayOf(year, month, day);
  return weekday === undefined ? 'n’existe pas' : `est un ${FRENCH_WEEKDAYS[weekday]}`;
}

function dayMonth(day: number, month: number): string {
  return `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month - 1] ?? `/${month}`}`;
}

function walkTexts(value: unknown, path: Path, visit: (text: string, path: Path) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => walkTexts(item, [...path, index], visit));
  else if (isMap(value)) for (const [key, item] of Object.entries(value)) walkTexts(item, [...path, key], visit);
}
