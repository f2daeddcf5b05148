/**
 * Interaction activities (cmi.interaction): the interactionType, the correctResponsesPattern and
 * the interaction component lists each type supports (choice and sequencing: choices; likert:
 * scale; matching: source and target; performance: steps; the others: none).
 */
import { describe, isObject, quote, type JsonObject } from './json.ts';
import { checkLanguageMap } from './language-map.ts';
import { indexPath } from './path.ts';
import { checkArray, checkString } from './primitives.ts';
import { fail, type Report } from './report.ts';
import { checkKeys } from './strict-keys.ts';

const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const COMPONENT_KEYS: ReadonlySet<string> = new Set(['id', 'description']);
const NO_LISTS: readonly string[] = [];

/** interactionType -> the component lists it supports. */
const LISTS_BY_TYPE: ReadonlyMap<string, readonly string[]> = new Map([
  ['true-false', NO_LISTS],
  ['choice', ['choices']],
  ['fill-in', NO_LISTS],
  ['long-fill-in', NO_LISTS],
  ['matching', ['source', 'target']],
  ['performance', ['steps']],
  ['sequencing', ['choices']],
  ['likert', ['scale']],
  ['numeric', NO_LISTS],
  ['other', NO_LISTS],
]);

/** Checks the interaction properties of an activity definition (all optional unless one is used). */
export function checkInteraction(report: Report, definition: JsonObject, path: string): void {
  const interactionType = definition.interactionType;
  let supported: readonly string[] | undefined;
  if (interactionType !== undefined) {
    supported = typeof interactionType === 'string' ? LISTS_BY_TYPE.get(interactionType) : undefined;
    if (supported === undefined) {
      fail(report, `${path}.interactionType`, `must be one of ${[...LISTS_BY_TYPE.keys()].join(', ')} (exact case), not ${describe(interactionType)}`);
    }
  }
  if (definition.correctResponsesPattern !== undefined) {
    if (interactionType === undefined) fail(report, `${path}.interactionType`, 'is required when correctResponsesPattern is used');
    checkStringArray(report, definition.correctResponsesPattern, `${path}.correctResponsesPattern`);
  }
  for (const list of COMPONENT_LISTS) {
    const components = definition[list];
    if (components === undefined) continue;
    if (interactionType === undefined) fail(report, `${path}.interactionType`, `is required when "${list}" is used`);
    else if (supported !== undefined && !supported.includes(list)) {
      fail(report, `${path}.${list}`, `is not used by "${String(interactionType)}" interactions${supported.length ? ` (they use ${supported.join(' and ')})` : ''}`);
    }
    checkComponents(report, components, `${path}.${list}`);
  }
}

function checkStringArray(report: Report, value: unknown, path: string): void {
  if (!checkArray(report, value, path)) return;
  for (let i = 0; i < value.length; i++) checkString(report, value[i], indexPath(path, i));
}

function checkComponents(report: Report, value: unknown, path: string): void {
  if (!checkArray(report, value, path)) return;
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const component = value[i];
    const at = indexPath(path, i);
    if (!isObject(component)) {
      fail(report, at, `must be an interaction component {"id": string, "description": language map}, not ${describe(component)}`);
      continue;
    }
    checkKeys(report, component, COMPONENT_KEYS, at, 'an interaction component');
    const id = component.id;
    if (id === undefined) fail(report, `${at}.id`, 'is required in an interaction component');
    else if (checkString(report, id, `${at}.id`)) {
      if (seen.has(id)) fail(report, `${at}.id`, `interaction component ids must be distinct within a list; ${quote(id)} is repeated`);
      seen.add(id);
    }
    if (component.description !== undefined) checkLanguageMap(report, component.description, `${at}.description`);
  }
}
