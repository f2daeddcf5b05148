/** Activities and their definitions (name, description, type, moreInfo, interaction, extensions). */
import { describe, isObject } from './json.ts';
import { checkExtensions } from './extensions.ts';
import { checkInteraction } from './interaction.ts';
import { checkIri, checkIrl } from './iri.ts';
import { checkLanguageMap } from './language-map.ts';
import { fail, type Report } from './report.ts';
import { checkKeys } from './strict-keys.ts';

const ACTIVITY_KEYS: ReadonlySet<string> = new Set(['objectType', 'id', 'definition']);
const DEFINITION_KEYS: ReadonlySet<string> = new Set([
  'name', 'description', 'type', 'moreInfo', 'extensions',
  'interactionType', 'correctResponsesPattern', 'choices', 'scale', 'source', 'target', 'steps',
]);

export function checkActivity(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be an Activity object {"id": IRI, ...}, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, ACTIVITY_KEYS, path, 'an Activity');
  if (value.objectType !== undefined && value.objectType !== 'Activity') {
    fail(report, `${path}.objectType`, `must be "Activity" here, not ${describe(value.objectType)}`);
  }
  if (value.id === undefined) fail(report, `${path}.id`, 'is required in an Activity');
  else checkIri(report, value.id, `${path}.id`);
  if (value.definition !== undefined) checkDefinition(report, value.definition, `${path}.definition`);
}

function checkDefinition(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be an Activity Definition object, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, DEFINITION_KEYS, path, 'an Activity Definition');
  if (value.name !== undefined) checkLanguageMap(report, value.name, `${path}.name`);
  if (value.description !== undefined) checkLanguageMap(report, value.description, `${path}.description`);
  if (value.type !== undefined) checkIri(report, value.type, `${path}.type`);
  if (value.moreInfo !== undefined) checkIrl(report, value.moreInfo, `${path}.moreInfo`);
  if (value.extensions !== undefined) checkExtensions(report, value.extensions, `${path}.extensions`);
  checkInteraction(report, value, path);
}
