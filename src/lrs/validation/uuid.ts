/** UUIDs in the standard 8-4-4-4-12 hexadecimal string form. */
import { quote } from './json.ts';
import { checkString } from './primitives.ts';
import { fail, type Report } from './report.ts';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: string): boolean {
  return value.length === 36 && UUID.test(value);
}

export function checkUuid(report: Report, value: unknown, path: string): void {
  if (!checkString(report, value, path)) return;
  if (!isUuid(value)) fail(report, path, `must be a UUID in standard form (8-4-4-4-12 hexadecimal digits), not ${quote(value)}`);
}
