/** The Verb: an IRI id and an optional display language map. */
import { describe, isObject } from './json.ts';
import { checkIri } from './iri.ts';
import { checkLanguageMap } from './language-map.ts';
import { fail, type Report } from './report.ts';
import { checkKeys } from './strict-keys.ts';

const VERB_KEYS: ReadonlySet<string> = new Set(['id', 'display']);

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

export function checkVerb(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be a Verb object {"id": IRI, "display": language map}, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, VERB_KEYS, path, 'a Verb');
  if (value.id === undefined) fail(report, `${path}.id`, 'is required in a Verb');
  else checkIri(report, value.id, `${path}.id`);
  if (value.display !== undefined) checkLanguageMap(report, value.display, `${path}.display`);
}
