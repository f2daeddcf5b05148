/** The Result and its Score (scaled in [-1, 1]; min < max; raw within [min, max]). */
import { describe, isObject } from './json.ts';
import { checkDuration } from './duration.ts';
import { checkExtensions } from './extensions.ts';
import { checkBoolean, checkNumber, checkString } from './primitives.ts';
import { fail, type Report } from './report.ts';
import { checkKeys } from './strict-keys.ts';

const RESULT_KEYS: ReadonlySet<string> = new Set(['score', 'success', 'completion', 'response', 'duration', 'extensions']);
const SCORE_KEYS: ReadonlySet<string> = new Set(['scaled', 'raw', 'min', 'max']);

export function checkResult(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be a Result object, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, RESULT_KEYS, path, 'a Result');
  if (value.score !== undefined) checkScore(report, value.score, `${path}.score`);
  if (value.success !== undefined) checkBoolean(report, value.success, `${path}.success`);
  if (value.completion !== undefined) checkBoolean(report, value.completion, `${path}.completion`);
  if (value.response !== undefined) checkString(report, value.response, `${path}.response`);
  if (value.duration !== undefined) checkDuration(report, value.duration, `${path}.duration`);
  if (value.extensions !== undefined) checkExtensions(report, value.extensions, `${path}.extensions`);
}

function optionalNumber(report: Report, value: unknown, path: string): number | undefined {
  return value !== undefined && checkNumber(report, value, path) ? value : undefined;
}

function checkScore(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be a Score object {"scaled", "raw", "min", "max"}, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, SCORE_KEYS, path, 'a Score');
  const scaled = optionalNumber(report, value.scaled, `${path}.scaled`);
  const raw = optionalNumber(report, value.raw, `${path}.raw`);
  const min = optionalNumber(report, value.min, `${path}.min`);
  const max = optionalNumber(report, value.max, `${path}.max`);
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) fail(report, `${path}.scaled`, `must be between -1 and 1 inclusive, not ${scaled}`);
  if (min !== undefined && max !== undefined && !(min < max)) fail(report, `${path}.min`, `must be less than max (${max}), not ${min}`);
  if (raw !== undefined && min !== undefined && raw < min) fail(report, `${path}.raw`, `must not be less than min (${min}), not ${raw}`);
  if (raw !== undefined && max !== undefined && raw > max) fail(report, `${path}.raw`, `must not be greater than max (${max}), not ${raw}`);
}
