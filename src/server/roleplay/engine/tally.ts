import type { Points } from '../scenario/types.ts';
import type { Tally } from './call-state.ts';

/** Adds earned points and the turn's maximum to running tallies (new object; inputs untouched). */
export function addToTallies(
  tallies: Readonly<Record<string, Tally>>,
  earned: Points,
  max: Points,
): Record<string, Tally> {
  const result: Record<string, Tally> = { ...tallies };
  for (const key of new Set([...Object.keys(earned), ...Object.keys(max)])) {
    // Own keys only: a phase may be called anything, even "constructor".
    const before = Object.hasOwn(result, key) ? result[key] : { earned: 0, max: 0 };
    result[key] = { earned: round(before.earned + (earned[key] ?? 0)), max: round(before.max + (max[key] ?? 0)) };
  }
  return result;
}

/** The most each key could have earned at a turn: the best value any option gives it, never below 0. */
export function maxOf(pointsList: Points[]): Points {
  const max: Record<string, number> = {};
  for (const points of pointsList) {
    for (const [key, value] of Object.entries(points)) max[key] = Math.max(Object.hasOwn(max, key) ? max[key] : 0, value);
  }
  return max;
}

export function scale(points: Points, ratio: number): Points {
  return Object.fromEntries(Object.entries(points).map(([key, value]) => [key, round(value * ratio)]));
}

export function percentOf(tally: Tally): number {
  if (tally.max <= 0) return tally.earned >= 0 ? 100 : 0;
  return Math.round(Math.min(1, Math.max(0, tally.earned / tally.max)) * 100);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
