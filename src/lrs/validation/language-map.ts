/** Language maps: objects whose keys are RFC 5646 tags and whose values are strings. */
import { describe, isObject, quote } from './json.ts';
import { keyPath } from './path.ts';
import { fail, type Report } from './report.ts';
import { isLanguageTag } from './language-tag.ts';

export function checkLanguageMap(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be a language map (an object such as {"en-US": "text"}), not ${describe(value)}`);
    return;
  }
  for (const tag in value) {
    if (!isLanguageTag(tag)) fail(report, keyPath(path, tag), `language map key ${quote(tag)} is not an RFC 5646 language tag`);
    const text = value[tag];
    if (typeof text !== 'string') fail(report, keyPath(path, tag), `language map value must be a string, not ${describe(text)}`);
  }
}

export function checkLanguageTag(report: Report, value: unknown, path: string): void {
  if (typeof value !== 'string') {
    fail(report, path, `must be an RFC 5646 language tag string, not ${describe(value)}`);
  } else if (!isLanguageTag(value)) {
    fail(report, path, `must be an RFC 5646 language tag such as "fr" or "en-US", not ${quote(value)}`);
  }
}
