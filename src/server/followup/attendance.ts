/** Presence in the workshop, recorded per half-day; its hours count on the certificate. */
export const HALF_DAYS = ['am', 'pm'] as const;
export type HalfDay = (typeof HALF_DAYS)[number];

/** No half-day in the workshop is longer than this. */
export const MAX_HALF_DAY_HOURS = 5;

/** Hours a trainer records with one click for a learner who was there the whole half-day. */
export const STANDARD_HALF_DAY_HOURS = 3.5;

export interface AttendanceEntry {
  userId: string;
  day: string;
  halfDay: HalfDay;
  /** 0 means recorded as absent. */
  hours: number;
}

export interface AttendanceRecord extends AttendanceEntry {
  recordedBy: string;
  recordedAt: string;
}

export interface AttendanceTotal {
  userId: string;
  /** Half-days with some presence (hours > 0). */
  halfDays: number;
  hours: number;
}
