/** Statement fixtures: a valid default plus overrides. */
import crypto from 'node:crypto';

export type JsonObject = Record<string, unknown>;

export const agent = (name = 'learner-1'): JsonObject => ({
  objectType: 'Agent',
  account: { homePage: 'http://lrs.test', name },
});

export const activity = (id = 'http://lrs.test/activities/module-1', definition?: JsonObject): JsonObject =>
  definition ? { objectType: 'Activity', id, definition } : { objectType: 'Activity', id };

export const verb = (name = 'completed'): JsonObject => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { 'en-US': name },
});

export function makeStatement(overrides: JsonObject = {}): JsonObject {
  return {
    id: crypto.randomUUID(),
    actor: agent(),
    verb: verb(),
    object: activity(),
    ...overrides,
  };
}

export const XAPI_2 = { 'X-Experience-API-Version': '2.0.0' };
export const XAPI_1 = { 'X-Experience-API-Version': '1.0.3' };
