/** Statements serialized by a real client library (tincanjs, which speaks 1.0.0 to 1.0.2) validate. */
import { expect } from 'chai';
import { createRequire } from 'node:module';
import { validateStatement } from '../../../src/lrs/validation/index.ts';

interface TinCanStatement { asVersion(version: string): unknown }
interface TinCanModule { Statement: new (config: Record<string, unknown>) => TinCanStatement }

const TinCan = createRequire(import.meta.url)('tincanjs') as TinCanModule;

describe('lrs validation: statements built by tincanjs', () => {
  it('accepts an interaction statement with result and context in every version tincanjs speaks', () => {
    const statement = new TinCan.Statement({
      id: '3b1e9f7c-2d4a-4e8b-9c6d-0a1b2c3d4e5f',
      actor: { mbox: 'mailto:learner@example.com', name: 'Learner' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
      target: {
        id: 'http://example.com/quiz/q1',
        definition: {
          type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
          name: { 'fr-FR': 'Question 1' },
          interactionType: 'matching',
          source: [{ id: 's1', description: { 'fr-FR': 'Client' } }],
          target: [{ id: 't1', description: { 'fr-FR': 'Écoute' } }],
          correctResponsesPattern: ['s1[.]t1'],
        },
      },
      result: { score: { scaled: 0.5, raw: 5, min: 0, max: 10 }, success: true, completion: true, response: 's1[.]t1', duration: 'PT1M5S' },
      context: {
        registration: '0f8b8f4a-5c2e-4c1a-9a43-1a2b3c4d5e6f',
        contextActivities: { parent: [{ id: 'http://example.com/quiz' }], category: [{ id: 'http://example.com/profile' }] },
        instructor: { account: { homePage: 'http://example.com', name: 'trainer' } },
        language: 'fr-FR',
        extensions: { 'http://example.com/ext/attempt': 1 },
      },
      timestamp: '2026-11-26T15:04:05.123Z',
    });
    for (const version of ['1.0.0', '1.0.1', '1.0.2']) {
      const serialized: unknown = JSON.parse(JSON.stringify(statement.asVersion(version)));
      expect(validateStatement(serialized, { version: '1.0' }), version).to.deep.equal([]);
    }
  });
});
