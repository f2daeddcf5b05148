/**
 * Timestamps. xAPI 1.0.x: ISO 8601 combined date and time, extended or basic format, time zone
 * optional (seconds and fraction optional too). xAPI 2.0: RFC 3339, so seconds and a time zone
 * are required. Both: real calendar dates, and no "negative zero" offset (-00, -0000, -00:00),
 * which ISO 8601 and RFC 3339 forbid as a way to say "unknown offset".
 */
import { quote } from './json.ts';
import { checkString } from './primitives.ts';
import { fail, type Report, type XapiVersion } from './report.ts';

const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?:\d{2})?)?$/;
const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const NEGATIVE_ZERO = 'must not use a negative zero time zone offset (-00, -0000 or -00:00); use Z or +00:00';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

interface Fields { year: number; month: number; day: number; hour: number; minute: number; second: number; millis: number; offsetMinutes: number }

/** The fields of a valid timestamp for `version`, or why it is not valid. */
function read(text: string, version: XapiVersion): Fields | 'format' | 'negative-zero' {
  const match = version === '2.0' ? RFC_3339.exec(text) : (EXTENDED.exec(text) ?? BASIC.exec(text));
  if (match === null) return 'format';
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (month < 1 || month > 12) return 'format';
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) return 'format';
  const zone = match[8];
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const digits = zone.length === 6 ? zone.slice(1, 3) + zone.slice(4) : zone.slice(1);
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (offsetHours > 23 || offsetMins > 59) return 'format';
    if (zone[0] === '-' && offsetHours === 0 && offsetMins === 0) return 'negative-zero';
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = match[7] === undefined ? 0 : Number(`${match[7]}00`.slice(0, 3));
  return { year, month, day, hour, minute, second, millis, offsetMinutes };
}

/**
 * Parses a timestamp the validator accepts into milliseconds since the epoch (UTC), for storage
 * and comparison; undefined when it is not valid. A missing time zone (1.0.x only) is read as UTC.
 * Digits beyond milliseconds are truncated; a leap second (:60) rolls into the next minute.
 */
export function parseTimestamp(text: string, version: XapiVersion): number | undefined {
  const fields = read(text, version);
  if (typeof fields === 'string') return undefined;
  const date = new Date(Date.UTC(2000, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.millis));
  date.setUTCFullYear(fields.year); // Date.UTC maps years 0-99 to 1900-1999
  return date.getTime() - fields.offsetMinutes * 60_000;
}

export function checkTimestamp(report: Report, value: unknown, path: string): void {
  if (!checkString(report, value, path)) return;
  const result = read(value, report.version);
  if (result === 'negative-zero') fail(report, path, NEGATIVE_ZERO);
  else if (result === 'format') {
    fail(
      report,
      path,
      report.version === '2.0'
        ? `must be an RFC 3339 date and time with a time zone, such as "2026-11-26T15:04:05.123Z", not ${quote(value)}`
        : `must be an ISO 8601 date and time, such as "2026-11-26T15:04:05.123Z", not ${quote(value)}`,
    );
  }
}
