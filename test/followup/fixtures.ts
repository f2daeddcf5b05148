import type request from 'supertest';
import { createTestApp, createUser, loginAs, type TestApp } from '../helpers/app.ts';
import type { User } from '../../src/server/accounts/user.ts';
import type { Cohort } from '../../src/server/cohorts/cohort.ts';

export interface FollowupWorld {
  t: TestApp;
  trainer: User;
  learners: User[];
  cohort: Cohort;
  /** A cohort the trainer does not follow, with its own learner. */
  otherCohort: Cohort;
  outsider: User;
  trainerAgent: request.Agent;
}

const origin = { ip: null, actorId: null };

/** A trainer following one cohort of `count` learners, plus another cohort they do not follow. */
export async function followupWorld(count = 3): Promise<FollowupWorld> {
  const t = await createTestApp();
  const { cohorts } = t.ctx.services;
  const trainer = await createUser(t.ctx, 'trainer', 'formatrice', undefined, 'Claire Formatrice');
  const cohort = await cohorts.create({ name: 'Groupe A', startDate: '2026-09-01', endDate: '2027-03-31' }, origin);
  const otherCohort = await cohorts.create({ name: 'Groupe B', startDate: '2026-09-01', endDate: '2027-03-31' }, origin);
  await cohorts.addMember(cohort.id, trainer.id, origin);
  const learners: User[] = [];
  for (let i = 0; i < count; i += 1) {
    const learner = await createUser(t.ctx, 'learner', `stagiaire${i + 1}`, undefined, `Stagiaire ${String.fromCharCode(65 + i)}`);
    await cohorts.addMember(cohort.id, learner.id, origin);
    learners.push(learner);
  }
  const outsider = await createUser(t.ctx, 'learner', 'autre', undefined, 'Autre Groupe');
  await cohorts.addMember(otherCohort.id, outsider.id, origin);
  const trainerAgent = await loginAs(t.app, 'formatrice');
  return { t, trainer, learners, cohort, otherCohort, outsider, trainerAgent };
}
