/**
 * The Context: registration, instructor, team, contextActivities, revision and platform (only
 * when the object is an Activity), language, statement, extensions, and in xAPI 2.0 the
 * contextAgents and contextGroups lists.
 */
import { checkActivity } from './activity.ts';
import { checkAgent, checkAgentOrGroup, checkGroup } from './agent.ts';
import { checkExtensions } from './extensions.ts';
import { checkIri } from './iri.ts';
import { describe, isObject } from './json.ts';
import { checkLanguageTag } from './language-map.ts';
import { indexPath } from './path.ts';
import { checkArray, checkString } from './primitives.ts';
import { fail, type Report } from './report.ts';
import { checkStatementRef } from './statement-ref.ts';
import { checkKeys } from './strict-keys.ts';
import { checkUuid } from './uuid.ts';

const CONTEXT_KEYS_1_0: ReadonlySet<string> = new Set([
  'registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions',
]);
const CONTEXT_KEYS_2_0: ReadonlySet<string> = new Set([...CONTEXT_KEYS_1_0, 'contextAgents', 'contextGroups']);
const CONTEXT_ACTIVITIES_KEYS: ReadonlySet<string> = new Set(['parent', 'grouping', 'category', 'other']);
const CONTEXT_AGENT_KEYS: ReadonlySet<string> = new Set(['objectType', 'agent', 'relevantTypes']);
const CONTEXT_GROUP_KEYS: ReadonlySet<string> = new Set(['objectType', 'group', 'relevantTypes']);

export function checkContext(report: Report, value: unknown, path: string, objectIsActivity: boolean): void {
  if (!isObject(value)) {
    fail(report, path, `must be a Context object, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, report.version === '2.0' ? CONTEXT_KEYS_2_0 : CONTEXT_KEYS_1_0, path, 'a Context');
  if (value.registration !== undefined) checkUuid(report, value.registration, `${path}.registration`);
  if (value.instructor !== undefined) checkAgentOrGroup(report, value.instructor, `${path}.instructor`);
  if (value.team !== undefined) checkGroup(report, value.team, `${path}.team`);
  if (value.contextActivities !== undefined) checkContextActivities(report, value.contextActivities, `${path}.contextActivities`);
  for (const key of ['revision', 'platform'] as const) {
    if (value[key] === undefined) continue;
    checkString(report, value[key], `${path}.${key}`);
    if (!objectIsActivity) fail(report, `${path}.${key}`, `"${key}" may only be used when the statement's object is an Activity`);
  }
  if (value.language !== undefined) checkLanguageTag(report, value.language, `${path}.language`);
  if (value.statement !== undefined) checkStatementRef(report, value.statement, `${path}.statement`);
  if (value.extensions !== undefined) checkExtensions(report, value.extensions, `${path}.extensions`);
  if (report.version === '2.0') {
    if (value.contextAgents !== undefined) checkContextAgents(report, value.contextAgents, `${path}.contextAgents`);
    if (value.contextGroups !== undefined) checkContextGroups(report, value.contextGroups, `${path}.contextGroups`);
  }
}

function checkContextActivities(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be an object with parent, grouping, category or other, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, CONTEXT_ACTIVITIES_KEYS, path, 'contextActivities');
  for (const key of CONTEXT_ACTIVITIES_KEYS) {
    const activities = value[key];
    if (activities === undefined) continue;
    if (Array.isArray(activities)) {
      for (let i = 0; i < activities.length; i++) checkActivity(report, activities[i], indexPath(`${path}.${key}`, i));
    } else {
      checkActivity(report, activities, `${path}.${key}`); // a single Activity is allowed (0.95 compatibility)
    }
  }
}

function checkRelevantTypes(report: Report, value: unknown, path: string): void {
  if (!checkArray(report, value, path)) return;
  if (value.length === 0) fail(report, path, 'must list at least one activity type IRI when present');
  for (let i = 0; i < value.length; i++) checkIri(report, value[i], indexPath(path, i));
}

function checkContextAgents(report: Report, value: unknown, path: string): void {
  if (!checkArray(report, value, path)) return;
  for (let i = 0; i < value.length; i++) {
    const entry = value[i];
    const at = indexPath(path, i);
    if (!isObject(entry)) {
      fail(report, at, `must be a contextAgent object {"objectType": "contextAgent", "agent": Agent}, not ${describe(entry)}`);
      continue;
    }
    checkKeys(report, entry, CONTEXT_AGENT_KEYS, at, 'a contextAgent');
    if (entry.objectType !== 'contextAgent') fail(report, `${at}.objectType`, `is required and must be "contextAgent", not ${describe(entry.objectType)}`);
    if (entry.agent === undefined) fail(report, `${at}.agent`, 'is required in a contextAgent');
    else checkAgent(report, entry.agent, `${at}.agent`);
    if (entry.relevantTypes !== undefined) checkRelevantTypes(report, entry.relevantTypes, `${at}.relevantTypes`);
  }
}

function checkContextGroups(report: Report, value: unknown, path: string): void {
  if (!checkArray(report, value, path)) return;
  for (let i = 0; i < value.length; i++) {
    const entry = value[i];
    const at = indexPath(path, i);
    if (!isObject(entry)) {
      fail(report, at, `must be a contextGroup object {"objectType": "contextGroup", "group": Group}, not ${describe(entry)}`);
      continue;
    }
    checkKeys(report, entry, CONTEXT_GROUP_KEYS, at, 'a contextGroup');
    if (entry.objectType !== 'contextGroup') fail(report, `${at}.objectType`, `is required and must be "contextGroup", not ${describe(entry.objectType)}`);
    if (entry.group === undefined) fail(report, `${at}.group`, 'is required in a contextGroup');
    else checkGroup(report, entry.group, `${at}.group`);
    if (entry.relevantTypes !== undefined) checkRelevantTypes(report, entry.relevantTypes, `${at}.relevantTypes`);
  }
}
