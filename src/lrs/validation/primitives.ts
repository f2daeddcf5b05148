/** Type checks for scalar properties; each reports its own issue and returns whether the value passed. */
import { describe } from './json.ts';
import { fail, type Report } from './report.ts';

export function checkString(report: Report, value: unknown, path: string): value is string {
  if (typeof value === 'string') return true;
  fail(report, path, `must be a string, not ${describe(value)}`);
  return false;
}

export function checkBoolean(report: Report, value: unknown, path: string): value is boolean {
  if (typeof value === 'boolean') return true;
  fail(report, path, `must be true or false (a JSON boolean), not ${describe(value)}`);
  return false;
}

export function checkNumber(report: Report, value: unknown, path: string): value is number {
  if (typeof value === 'number' && Number.isFinite(value)) return true;
  fail(report, path, `must be a number, not ${describe(value)}`);
  return false;
}

export function checkArray(report: Report, value: unknown, path: string): value is unknown[] {
  if (Array.isArray(value)) return true;
  fail(report, path, `must be an array, not ${describe(value)}`);
  return false;
}
