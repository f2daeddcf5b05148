import { MOOD_MAX, MOOD_MIN } from './types.ts';

/** Named moods a trainer may write instead of a number, with the value they stand for. */
export const MOOD_NAMES: Readonly<Record<string, number>> = {
  furieux: 10,
  mécontent: 30,
  neutre: 50,
  satisfait: 70,
  ravi: 90,
};

/** Lower bounds of each named band, highest first. */
const BANDS: ReadonlyArray<readonly [number, string]> = [
  [80, 'ravi'],
  [60, 'satisfait'],
  [40, 'neutre'],
  [20, 'mécontent'],
  [MOOD_MIN, 'furieux'],
];

export function moodLabel(mood: number): string {
  return BANDS.find(([floor]) => mood >= floor)?.[1] ?? 'furieux';
}

export function clampMood(mood: number): number {
  return Math.min(MOOD_MAX, Math.max(MOOD_MIN, Math.round(mood)));
}

/** CSAT on the usual 1..5 scale, read from the final mood. */
export function csatFromMood(mood: number): number {
  return Math.min(5, 1 + Math.floor(clampMood(mood) / 20));
}
