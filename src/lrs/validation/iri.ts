/**
 * Best-effort IRI / IRL syntax (the spec allows best effort): an absolute IRI with a valid scheme,
 * something after the colon, no whitespace or characters RFC 3987 never allows, and well-formed
 * percent escapes. IRLs (homePage, moreInfo, fileUrl) are IRIs meant to be dereferenced, so they
 * follow the same syntax.
 */
import { quote } from './json.ts';
import { checkString } from './primitives.ts';
import { fail, type Report } from './report.ts';

const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020<>"{}|\\^`\u007F-\u009F]+$/;
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;

/**
 * IRIs repeat across statements (verbs, activity ids, extension keys), so valid ones are
 * remembered; the cache is bounded and simply emptied when full.
 */
const KNOWN_VALID = new Set<string>();
const CACHE_LIMIT = 10_000;

export function isIri(value: string): boolean {
  if (KNOWN_VALID.has(value)) return true;
  const valid = ABSOLUTE_IRI.test(value) && (!value.includes('%') || !BAD_PERCENT.test(value));
  if (valid && value.length <= 2048) {
    if (KNOWN_VALID.size >= CACHE_LIMIT) KNOWN_VALID.clear();
    KNOWN_VALID.add(value);
  }
  return valid;
}

export function checkIri(report: Report, value: unknown, path: string): void {
  if (!checkString(report, value, path)) return;
  if (!isIri(value)) fail(report, path, `must be an absolute IRI with a scheme, such as "http://example.com/x", not ${quote(value)}`);
}

export function checkIrl(report: Report, value: unknown, path: string): void {
  if (!checkString(report, value, path)) return;
  if (!isIri(value)) fail(report, path, `must be an IRL (an absolute address with a scheme, such as "https://example.com/page"), not ${quote(value)}`);
}
