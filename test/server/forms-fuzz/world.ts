/**
 * The seeded app the form fuzz runs against: the demo seed (the shipped course library, the demo
 * cohort and its six accounts), plus what the routes with ids need to find something real: a
 * started call, an issued certificate, an LRS key, a draft, and "victim" accounts and a cohort
 * that the destructive admin and release forms act on, so that fuzzing them does not lock out
 * the accounts the fuzz posts as.
 */
import type request from 'supertest';
import { seedDemo } from '../../../src/server/accounts/demo-seed.ts';
import { loginKey } from '../../../src/server/accounts/accounts.service.ts';
import { hashPassword } from '../../../src/server/accounts/password.ts';
import type { Role } from '../../../src/server/accounts/roles.ts';
import { DEFAULT_ORGANISATION } from '../../../src/server/certificates/organisation.ts';
import { APPRAISAL_CRITERIA } from '../../../src/server/certificates/appraisal.ts';
import { learnerAgent } from '../../../src/server/xapi/actor.ts';
import { activityIds } from '../../../src/server/xapi/activity-ids.ts';
import { ACTIVITY_TYPES, EXTENSIONS, profileCategory, VERBS } from '../../../src/server/xapi/vocabulary.ts';
import { createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../../helpers/app.ts';

const PASSWORD = 'motdepasse-solide';
/** The demo login each role posts as. */
export const ACTOR_LOGIN: Record<Role, string> = { learner: 'stagiaire1', trainer: 'formateur', admin: 'admin', partner: 'partenaire' };

/** Real ids, named by what they are, to fill the routes' path parameters. */
export interface WorldIds {
  /** The learner module and its items by kind (accueil-appels-entrants). */
  moduleId: string;
  lessonId: string;
  quizId: string;
  exerciseId: string;
  roleplayId: string;
  callId: string;
  certificateId: string;
  lrsKey: string;
  /** The module the authoring forms edit (a draft of a shipped module with a role-play). */
  authoringModuleId: string;
  /** Accounts and a cohort the admin's destructive forms act on. */
  victimUserId: string;
  victimCohortId: string;
  /** A finished call of the learner who posts, as its closing statement records it: the trainer's review forms show for it. */
  finishedCallRegistration: string;
  /** A learner of the demo cohort whose release the trainer's forms edit (not the one who posts). */
  releaseLearnerId: string;
  /** Users the fuzz puts in bodies as "someone else's id". */
  otherUserIds: string[];
}

export interface FuzzWorld {
  t: TestApp;
  ids: WorldIds;
  /** A logged-in agent of the role, logged in again (password and account restored) if a form ended its session. */
  agentFor(role: Role): Promise<{ agent: request.Agent; csrf: string }>;
  /** Puts back what the route at `routePath` acts on, if an earlier body took it away (the authoring draft). */
  prepare(routePath: string): Promise<void>;
  /** An agent with no session, holding the anonymous form token of the login page. */
  anonymous(): Promise<{ agent: request.Agent; csrf: string }>;
  close(): Promise<void>;
}

async function userIdOf(t: TestApp, login: string): Promise<string> {
  const found = await t.ctx.repositories.users.findCredentials(loginKey(login));
  if (!found) throw new Error(`no account ${login}`);
  return found.user.id;
}

/** Puts an account back as the fuzz needs it: active, a known password, no login delay. */
async function restore(t: TestApp, login: string): Promise<void> {
  const id = await userIdOf(t, login);
  await t.ctx.repositories.users.setPassword(id, await hashPassword(PASSWORD), false, t.clock.now().toISOString());
  await t.ctx.repositories.users.reactivate(id, t.clock.now().toISOString());
  // Fuzzed logins with wrong passwords count against the address: start the count again.
  await t.ctx.database.db.deleteFrom('login_throttle').execute();
}

export async function fuzzWorld(): Promise<FuzzWorld> {
  const t = await createTestApp();
  const accounts = await seedDemo(t.ctx);
  for (const a of accounts) await restore(t, a.login);
  const origin = { ip: null, actorId: null };
  const trainerId = await userIdOf(t, 'formateur');
  const learnerId = await userIdOf(t, 'stagiaire1');
  const certifiedId = await userIdOf(t, 'stagiaire2');
  const releaseLearnerId = await userIdOf(t, 'stagiaire3');

  const victim = await createUser(t.ctx, 'learner', 'fuzz-victime', PASSWORD, 'Victime Fuzz');
  const victimCohort = await t.ctx.services.cohorts.create({ name: 'Groupe fuzz', startDate: '2026-11-01', endDate: '2027-04-30' }, origin);
  await t.ctx.services.cohorts.addMember(victimCohort.id, victim.id, origin);
  await t.ctx.services.cohorts.addMember(victimCohort.id, trainerId, origin);

  await t.ctx.certificates.organisation.save({ ...DEFAULT_ORGANISATION, name: 'Association Cap Avenir', city: 'Lyon', signatoryName: 'Claire Martin', signatoryTitle: 'Directrice' });
  const appraisal = APPRAISAL_CRITERIA.map((criterion) => ({ criterion, level: 'satisfaisant' as const, text: `Observation sur ${criterion}.` }));
  for (const id of [certifiedId, releaseLearnerId]) {
    await t.ctx.certificates.release.setLeavingDate(id, '2026-12-18', trainerId);
    await t.ctx.certificates.release.saveAppraisal(id, appraisal, trainerId);
  }
  const certificate = await t.ctx.certificates.issuing.issue(certifiedId, trainerId);
  const { key: lrsKey } = await t.ctx.lrs.credentials.create({ name: 'fuzz', scopes: ['all'] });

  const moduleId = 'accueil-appels-entrants';
  const learner = await loginAs(t.app, 'stagiaire1', PASSWORD);
  const startCsrf = await csrfFrom(learner, `/learner/calls/start?module=${moduleId}&item=demande-information`);
  const started = await learner.post('/learner/calls/start').type('form').send({ _csrf: startCsrf, module: moduleId, item: 'demande-information' });
  if (started.status !== 303) throw new Error(`starting a call failed: ${started.status}`);
  const callId = String(started.headers.location).split('/').pop() as string;

  const finishedCallRegistration = '0190a000-0000-7000-8000-00000000f022';
  const activity = activityIds(t.ctx.config.baseUrl);
  await t.ctx.lrs.service.storeStatements([
    {
      actor: learnerAgent(t.ctx.config.baseUrl, learnerId),
      verb: { id: VERBS.passed.id, display: { 'fr-FR': 'a réussi' } },
      object: { objectType: 'Activity', id: activity.item(moduleId, 'demande-information'), definition: { type: ACTIVITY_TYPES.roleplay, name: { 'fr-FR': "Demande d'information" } } },
      result: { score: { scaled: 0.8 }, success: true, completion: true, duration: 'PT6M30S', extensions: { [EXTENSIONS.phaseScores]: { accueil: 0.9 }, [EXTENSIONS.competencyScores]: { 'CCP1.1': 0.8 } } },
      context: {
        registration: finishedCallRegistration,
        contextActivities: { parent: [{ id: activity.module(moduleId) }], grouping: [{ id: activity.programme() }], category: [profileCategory()] },
        extensions: { [EXTENSIONS.competencies]: ['CCP1.1'] },
      },
      timestamp: '2026-11-25T10:00:00.000Z',
    },
  ]);

  const authoringModuleId = 'clients-mecontents';
  const trainer = await loginAs(t.app, 'formateur', PASSWORD);
  const draftCsrf = await csrfFrom(trainer, `/trainer/authoring/${authoringModuleId}`);
  const drafted = await trainer.post(`/trainer/authoring/${authoringModuleId}/draft`).type('form').send({ _csrf: draftCsrf });
  if (drafted.status !== 303) throw new Error(`starting a draft failed: ${drafted.status}`);

  const ids: WorldIds = {
    moduleId,
    lessonId: 'premiers-mots',
    quizId: 'quiz',
    exerciseId: 'fiche-contact',
    roleplayId: 'demande-information',
    callId,
    finishedCallRegistration,
    certificateId: certificate.id,
    lrsKey,
    authoringModuleId,
    victimUserId: victim.id,
    victimCohortId: victimCohort.id,
    releaseLearnerId,
    otherUserIds: [learnerId, certifiedId, trainerId, await userIdOf(t, 'admin'), victim.id],
  };

  const agents = new Map<Role, { agent: request.Agent; csrf: string }>([
    ['learner', { agent: learner, csrf: await csrfFrom(learner, '/account/reading') }],
    ['trainer', { agent: trainer, csrf: await csrfFrom(trainer, '/account/reading') }],
  ]);
  const agentFor = async (role: Role) => {
    const known = agents.get(role);
    if (known) {
      // A form may have logged the agent out, reset its password or deactivated it.
      const still = await known.agent.get('/account/reading');
      if (still.status === 200) return known;
    }
    await restore(t, ACTOR_LOGIN[role]);
    const agent = await loginAs(t.app, ACTOR_LOGIN[role], PASSWORD);
    const fresh = { agent, csrf: await csrfFrom(agent, '/account/reading') };
    agents.set(role, fresh);
    return fresh;
  };
  const anonymous = async () => {
    const { default: supertest } = await import('supertest');
    const agent = supertest.agent(t.app);
    return { agent, csrf: await csrfFrom(agent, '/login') };
  };
  const prepare = async (routePath: string) => {
    if (!routePath.startsWith('/trainer/authoring/:moduleId/') || routePath.endsWith('/draft')) return;
    const draft = await t.ctx.database.db.selectFrom('authoring_drafts').select('module_id').where('module_id', '=', authoringModuleId).executeTakeFirst();
    if (draft) return;
    const { agent, csrf } = await agentFor('trainer');
    const res = await agent.post(`/trainer/authoring/${authoringModuleId}/draft`).type('form').send({ _csrf: csrf });
    if (res.status !== 303) throw new Error(`starting the draft again failed: ${res.status}`);
  };
  return { t, ids, agentFor, anonymous, prepare, close: () => t.close() };
}
