/**
 * A release-ready world: the fixture course library, a cohort, a learner who played the test
 * module through the HTTP player (lesson, quiz, two exercises), two role-play calls, attendance,
 * and the organisation set. Role-play calls are written through ctx.lrs.service with the shared
 * vocabulary (the same shape as call-player's closing statement): playing a whole scenario over
 * HTTP belongs to the calls tests.
 */
import type request from 'supertest';
import type { User } from '../../src/server/accounts/user.ts';
import { DEFAULT_ORGANISATION, type Organisation } from '../../src/server/certificates/organisation.ts';
import { APPRAISAL_CRITERIA, type AppraisalEntry } from '../../src/server/certificates/appraisal.ts';
import { learnerAgent } from '../../src/server/xapi/actor.ts';
import { activityIds } from '../../src/server/xapi/activity-ids.ts';
import { ACTIVITY_TYPES, EXTENSIONS, profileCategory, VERBS } from '../../src/server/xapi/vocabulary.ts';
import { loginAs, createUser, type TestApp } from '../helpers/app.ts';
import { learningWorld, MODULE } from '../learning/helpers.ts';
import { playQuiz, readLesson, submitFiche, submitTri } from '../learning/play.ts';

export interface CertificateWorld {
  t: TestApp;
  learner: User;
  trainer: User;
  admin: User;
  cohortId: string;
  close(): Promise<void>;
}

export const ORGANISATION: Organisation = {
  ...DEFAULT_ORGANISATION,
  name: 'Association Cap Avenir Formation',
  addressLines: ['12 rue des Lilas', '69003 Lyon'],
  city: 'Lyon',
  signatoryName: 'Claire Martin',
  signatoryTitle: 'Directrice pédagogique',
  trainingPlace: 'Centre pénitentiaire de Lyon-Corbas',
};

export const APPRAISAL: AppraisalEntry[] = APPRAISAL_CRITERIA.map((criterion) => ({
  criterion,
  level: 'satisfaisant',
  text: `Observation sur ${criterion} : sérieux et régulier, « bon état d'esprit ».`,
}));

/** The test module, played through the learner's HTTP pages. */
export async function playModule(agent: request.Agent): Promise<void> {
  await readLesson(agent);
  await playQuiz(agent);
  await submitFiche(agent);
  await submitTri(agent);
}

/** A finished call's closing statement (verb, score, per-phase and per-competency scores). */
export function callStatement(t: TestApp, userId: string, registration: string, at: string, scaled: number) {
  const ids = activityIds(t.ctx.config.baseUrl);
  return {
    actor: learnerAgent(t.ctx.config.baseUrl, userId),
    verb: { id: scaled >= 0.6 ? VERBS.passed.id : VERBS.failed.id, display: { 'fr-FR': 'a terminé' } },
    object: { objectType: 'Activity', id: ids.item('appels-essai', 'appel-livraison'), definition: { type: ACTIVITY_TYPES.roleplay, name: { 'fr-FR': 'Appel de test' } } },
    result: {
      score: { scaled },
      success: scaled >= 0.6,
      completion: true,
      duration: 'PT6M30S',
      extensions: { [EXTENSIONS.phaseScores]: { accueil: Math.min(1, scaled + 0.1), conclusion: scaled }, [EXTENSIONS.competencyScores]: { 'CCP1.3': scaled, T4: scaled } },
    },
    context: {
      registration,
      contextActivities: { parent: [{ id: ids.module('appels-essai') }], grouping: [{ id: ids.programme() }], category: [profileCategory()] },
      extensions: { [EXTENSIONS.competencies]: ['CCP1.3', 'T4'], [EXTENSIONS.courseVersion]: 'essai' },
    },
    timestamp: at,
  };
}

/** `env` overrides the test app's environment (BASE_URL, VERIFY_BASE_URL...). */
export async function certificateWorld(options: { play?: boolean; env?: Record<string, string> } = {}): Promise<CertificateWorld> {
  const world = await learningWorld(options.env);
  const { t, learner, trainer, cohortId } = world;
  const admin = await createUser(t.ctx, 'admin', 'admin-cert', undefined, 'Alice Admin');
  if (options.play !== false) {
    await playModule(await loginAs(t.app, 'julien'));
    await t.ctx.lrs.service.storeStatements([
      callStatement(t, learner.id, '0190a000-0000-7000-8000-000000000001', '2026-11-20T10:00:00.000Z', 0.5),
      callStatement(t, learner.id, '0190a000-0000-7000-8000-000000000002', '2026-11-25T10:00:00.000Z', 0.8),
    ]);
    await t.ctx.followup.attendance.save(
      [
        { userId: learner.id, day: '2026-11-23', halfDay: 'am', hours: 3.5 },
        { userId: learner.id, day: '2026-11-23', halfDay: 'pm', hours: 3 },
        { userId: learner.id, day: '2026-11-24', halfDay: 'am', hours: 3.5 },
      ],
      trainer.id,
      t.clock.now().toISOString(),
    );
  }
  await t.ctx.certificates.organisation.save(ORGANISATION);
  return { t, learner, trainer, admin, cohortId, close: world.close };
}

/** Leaving date and appraisal set through the services (the HTTP test sets them through pages). */
export async function readyToIssue(w: CertificateWorld, leavingDate = '2026-11-27'): Promise<void> {
  await w.t.ctx.certificates.release.setLeavingDate(w.learner.id, leavingDate, w.trainer.id);
  await w.t.ctx.certificates.release.saveAppraisal(w.learner.id, APPRAISAL, w.trainer.id);
}

export { MODULE };
