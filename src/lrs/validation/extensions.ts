/** Extensions maps: keys must be IRIs; values are free JSON (null included) and never rejected. */
import { describe, isObject, quote } from './json.ts';
import { isIri } from './iri.ts';
import { keyPath } from './path.ts';
import { fail, type Report } from './report.ts';

export function checkExtensions(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be an object whose keys are IRIs, not ${describe(value)}`);
    return;
  }
  for (const key in value) {
    if (!isIri(key)) {
      fail(report, keyPath(path, key), `extension key ${quote(key)} must be an absolute IRI with a scheme`);
    }
  }
}
