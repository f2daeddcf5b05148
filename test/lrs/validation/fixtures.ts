/** Valid statements built as a default plus overrides, and assertion helpers for validator tests. */
import { expect } from 'chai';
import { validateStatement, type ValidationIssue } from '../../../src/lrs/validation/index.ts';

type Json = Record<string, unknown>;

export const ACTIVITY_ID = 'https://tremplin.example/xapi/activities/module-accueil/quiz-1';

export function makeAgent(overrides: Json = {}): Json {
  return { objectType: 'Agent', account: { homePage: 'https://tremplin.example', name: 'learner-0042' }, ...overrides };
}

export function makeActivity(overrides: Json = {}): Json {
  return {
    objectType: 'Activity',
    id: ACTIVITY_ID,
    definition: {
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      name: { fr: 'Accueil téléphonique', 'en-US': 'Phone greeting' },
      description: { fr: 'Choisir la bonne formule d’accueil' },
      interactionType: 'choice',
      correctResponsesPattern: ['bonjour'],
      choices: [
        { id: 'bonjour', description: { fr: 'Bonjour, service client, que puis-je pour vous ?' } },
        { id: 'allo', description: { fr: 'Allô ?' } },
      ],
    },
    ...overrides,
  };
}

export function makeResult(overrides: Json = {}): Json {
  return {
    score: { scaled: 0.8, raw: 8, min: 0, max: 10 },
    success: true,
    completion: true,
    response: 'bonjour',
    duration: 'PT1M12.5S',
    extensions: { 'https://tremplin.example/xapi/extensions/attempt': 2 },
    ...overrides,
  };
}

export function makeContext(overrides: Json = {}): Json {
  return {
    registration: '0f8b8f4a-5c2e-4c1a-9a43-1a2b3c4d5e6f',
    contextActivities: {
      parent: [{ id: 'https://tremplin.example/xapi/activities/module-accueil', objectType: 'Activity' }],
      grouping: [{ id: 'https://tremplin.example/xapi/activities/parcours-relation-client' }],
      category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
    },
    instructor: { objectType: 'Agent', account: { homePage: 'https://tremplin.example', name: 'trainer-01' } },
    platform: 'Tremplin',
    language: 'fr-FR',
    extensions: { 'https://tremplin.example/xapi/extensions/session': 'atelier-3' },
    ...overrides,
  };
}

/** A typical Tremplin statement: account actor, interaction activity, result and context. */
export function makeStatement(overrides: Json = {}): Json {
  return {
    id: '3b1e9f7c-2d4a-4e8b-9c6d-0a1b2c3d4e5f',
    actor: makeAgent(),
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { fr: 'a répondu', 'en-US': 'answered' } },
    object: makeActivity(),
    result: makeResult(),
    context: makeContext(),
    timestamp: '2026-11-26T15:04:05.123Z',
    ...overrides,
  };
}

export function issuesOf(statement: unknown, version: '1.0' | '2.0' = '1.0'): ValidationIssue[] {
  return validateStatement(statement, { version });
}

export function expectValid(statement: unknown, version: '1.0' | '2.0' = '1.0'): void {
  expect(issuesOf(statement, version)).to.deep.equal([]);
}

/** Asserts the statement is rejected with an issue at exactly `path` whose rule matches `rule`. */
export function expectIssue(statement: unknown, path: string, rule: RegExp, version: '1.0' | '2.0' = '1.0'): void {
  const issues = issuesOf(statement, version);
  const match = issues.find((issue) => issue.path === path && rule.test(issue.rule));
  expect(match, `expected an issue at ${path} matching ${rule}, got ${JSON.stringify(issues, null, 1)}`).to.not.equal(undefined);
}
