/**
 * Deterministic, realistic statements for the LRS benchmark: learners working through modules
 * of a course, with registrations, results, context activities and extensions.
 */
import crypto from 'node:crypto';
import { prng } from '../prng.ts';
export { prng };

export const HOME = 'http://bench.tremplin.test';
const VERBS = ['initialized', 'attempted', 'answered', 'completed', 'passed', 'failed', 'experienced', 'progressed', 'terminated', 'interacted'];

export interface BenchShape {
  learners: number;
  activities: number;
}

export function shapeFor(n: number): BenchShape {
  return { learners: Math.max(24, Math.min(2000, Math.round(n / 500))), activities: Math.max(50, Math.min(2000, Math.round(n / 500))) };
}


export const learner = (i: number) => ({ objectType: 'Agent', account: { homePage: HOME, name: `learner-${i}` } });
export const verbId = (i: number) => `http://adlnet.gov/expapi/verbs/${VERBS[i % VERBS.length]}`;
export const activityId = (i: number) => `${HOME}/activities/module-${Math.floor(i / 10)}/item-${i % 10}`;
export const moduleId = (i: number) => `${HOME}/activities/module-${Math.floor(i / 10)}`;
/** One registration per learner and module. */
export const registrationOf = (learnerIndex: number, activityIndex: number) => {
  const h = crypto.createHash('md5').update(`${learnerIndex}/${Math.floor(activityIndex / 10)}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export function makeBatch(random: () => number, shape: BenchShape, size: number, startMs: number): unknown[] {
  const batch: unknown[] = [];
  for (let i = 0; i < size; i += 1) {
    const l = Math.floor(random() * shape.learners);
    const a = Math.floor(random() * shape.activities);
    const v = Math.floor(random() * VERBS.length);
    const score = Math.floor(random() * 101);
    batch.push({
      id: crypto.randomUUID(),
      actor: learner(l),
      verb: { id: verbId(v), display: { 'fr-FR': VERBS[v], 'en-US': VERBS[v] } },
      object: {
        objectType: 'Activity',
        id: activityId(a),
        definition: {
          type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
          name: { 'fr-FR': `Question ${a}`, 'en-US': `Question ${a}` },
          interactionType: 'choice',
          correctResponsesPattern: ['accueil'],
          choices: [
            { id: 'accueil', description: { 'fr-FR': 'Accueillir le client' } },
            { id: 'raccrocher', description: { 'fr-FR': 'Raccrocher' } },
          ],
        },
      },
      result: { score: { scaled: score / 100, raw: score, min: 0, max: 100 }, success: score >= 50, completion: true, duration: `PT${1 + Math.floor(random() * 300)}S`, response: 'accueil' },
      context: {
        registration: registrationOf(l, a),
        platform: 'Tremplin',
        language: 'fr-FR',
        contextActivities: {
          parent: [{ objectType: 'Activity', id: moduleId(a) }],
          grouping: [{ objectType: 'Activity', id: `${HOME}/activities/course-relation-client` }],
          category: [{ objectType: 'Activity', id: 'http://tremplin.test/profiles/relation-client' }],
        },
        extensions: { [`${HOME}/extensions/session`]: `session-${l}-${Math.floor(a / 10)}` },
      },
      timestamp: new Date(startMs + i).toISOString(),
    });
  }
  return batch;
}
