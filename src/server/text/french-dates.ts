/**
 * Finds "weekday + date" phrases in French text ("mardi 24 novembre", "Lundi 30/11/2026",
 * "samedi 5") so that a checker can hold them against a calendar. Pure.
 */

export const FRENCH_WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, février: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7,
  aout: 8, août: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12, décembre: 12,
};

export const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;

export interface WeekdayDate {
  /** The phrase as written, e.g. "mardi 24 novembre". */
  phrase: string;
  /** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
  weekday: number;
  day: number;
  /** 1..12; absent for a bare day number ("samedi 5"). */
  month?: number;
  /** Absent when the text gives no year. */
  year?: number;
}

const MONTH_NAMES = Object.keys(MONTHS).join('|');
// A bare day must not be an hour ("lundi 9 h", "jeudi 17 heures", "mardi 9:30") or a quantity.
const PHRASE = new RegExp(
  `(?<![\\p{L}])(${FRENCH_WEEKDAYS.join('|')})\\s+(\\d{1,2})(?:er)?` +
    `(?:\\s+(${MONTH_NAMES})(?:\\s+(\\d{4}))?(?![\\p{L}])|\\/(\\d{1,2})(?:\\/(\\d{4}|\\d{2}))?(?!\\d)|(?![\\d\\p{L}])(?!\\s*(?:h\\b|h\\d|heures?|:|\\d|%|€|euros?|minutes?|jours?|fois)))`,
  'giu',
);

export function findWeekdayDates(text: string): WeekdayDate[] {
  const found: WeekdayDate[] = [];
  for (const m of text.matchAll(PHRASE)) {
    const [phrase, weekdayName, dayText, monthName, yearText, monthNumber, slashYear] = m;
    const month = monthName ? MONTHS[monthName.toLowerCase()] : monthNumber ? Number(monthNumber) : undefined;
    const rawYear = yearText ?? slashYear;
    const year = rawYear === undefined ? undefined : rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear);
    found.push({
      phrase: phrase.trim(),
      weekday: FRENCH_WEEKDAYS.indexOf(weekdayName.toLowerCase() as (typeof FRENCH_WEEKDAYS)[number]),
      day: Number(dayText),
      ...(month !== undefined ? { month } : {}),
      ...(year !== undefined ? { year } : {}),
    });
  }
  return found;
}

/** The weekday (0 = Sunday) of a calendar date, or undefined when the date does not exist (31 novembre). */
export function weekdayOf(year: number, month: number, day: number): number | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getUTCDay();
}
