/** Rejects properties the spec does not define, including right names in the wrong case. */
import type { JsonObject } from './json.ts';
import { keyPath } from './path.ts';
import { fail, type Report } from './report.ts';

/** Properties that exist only in xAPI 2.0, so a 1.0.x statement gets a clearer message. */
const ONLY_IN_2_0 = new Set(['contextAgents', 'contextGroups']);

/**
 * Reports every own key of `object` that is not in `allowed`. `what` names the object in the
 * message ("an Agent"). A key that differs from an allowed one only by case gets a hint.
 * `listed` is what the message offers as allowed, when it differs from `allowed`.
 */
export function checkKeys(report: Report, object: JsonObject, allowed: ReadonlySet<string>, path: string, what: string, listed: ReadonlySet<string> = allowed): void {
  for (const key in object) {
    if (allowed.has(key)) continue;
    fail(report, keyPath(path, key), unknownKeyRule(key, listed, what, report));
  }
}

function unknownKeyRule(key: string, allowed: ReadonlySet<string>, what: string, report: Report): string {
  if (report.version === '1.0' && ONLY_IN_2_0.has(key)) {
    return `"${key}" is only allowed in xAPI 2.0 statements, not in ${what} sent as xAPI 1.0.x`;
  }
  const lower = key.toLowerCase();
  for (const name of allowed) {
    if (name.toLowerCase() === lower) {
      return `"${key}" is not a property of ${what}: property names are case-sensitive, use "${name}"`;
    }
  }
  return `"${key}" is not a property of ${what} (allowed: ${[...allowed].join(', ')})`;
}
