/**
 * The statement "version" property. xAPI 1.0.x accepts only 1.0 and 1.0.x; xAPI 2.0 also accepts
 * 2.0 and 2.0.x (1.0.x statements stay valid under 2.0, as the 2.0 conformance suite checks).
 */
import { quote } from './json.ts';
import { checkString } from './primitives.ts';
import { fail, type Report } from './report.ts';

const VERSION_1 = /^1\.0(?:\.\d+)?$/;
const VERSION_1_OR_2 = /^[12]\.0(?:\.\d+)?$/;

export function checkVersion(report: Report, value: unknown, path: string): void {
  if (!checkString(report, value, path)) return;
  if (report.version === '2.0') {
    if (!VERSION_1_OR_2.test(value)) fail(report, path, `must be "1.0", "1.0.x", "2.0" or "2.0.x", not ${quote(value)}`);
  } else if (!VERSION_1.test(value)) {
    fail(report, path, `must be "1.0" or "1.0.x" for an xAPI 1.0.x request, not ${quote(value)}`);
  }
}
