/**
 * ISO 8601:2004 section 4.4.3.2 durations: PnYnMnDTnHnMnS (any component may be omitted, at
 * least one present, T only before time components) or PnW alone. Only the last component may
 * carry a decimal fraction. The "alternative format" (P0003-01-29T...) is rejected, as the spec says.
 */
import { quote } from './json.ts';
import { checkString } from './primitives.ts';
import { fail, type Report } from './report.ts';

const N = '(\\d+(?:[.,]\\d+)?)';
const DURATION = new RegExp(`^P(?:${N}Y)?(?:${N}M)?(?:${N}D)?(?:T(?:${N}H)?(?:${N}M)?(?:${N}S)?)?$`);
const WEEKS = /^P\d+(?:[.,]\d+)?W$/;
const FRACTION = /[.,]/;

export function isDuration(value: string): boolean {
  if (WEEKS.test(value)) return true;
  const match = DURATION.exec(value);
  if (match === null) return false;
  let last = 0;
  for (let i = 1; i <= 6; i++) if (match[i] !== undefined) last = i;
  if (last === 0) return false; // "P" or "PT" alone
  if (value.includes('T') && last < 4) return false; // "P1DT" has a T with no time component
  for (let i = 1; i < last; i++) {
    const component = match[i];
    if (component !== undefined && FRACTION.test(component)) return false;
  }
  return true;
}

export function checkDuration(report: Report, value: unknown, path: string): void {
  if (!checkString(report, value, path)) return;
  if (!isDuration(value)) {
    fail(report, path, `must be an ISO 8601 duration such as "PT1H30M" or "PT16559.14S", not ${quote(value)}`);
  }
}
