import path from 'node:path';
import type request from 'supertest';
import { createTestApp, createUser, csrfFrom, loginAs, cheerio, type TestApp } from '../helpers/app.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import type { User } from '../../src/server/accounts/user.ts';
import type { Statement } from '../../src/lrs/index.ts';
import { learnerAgent } from '../../src/server/xapi/actor.ts';
import { anyTable } from '../helpers/database.ts';

export const FIXTURE_COURSES = path.resolve('test/learning/fixtures/courses');
export const MODULE = 'essai-player';
export const OTHER_MODULE = 'second-module';

export interface LearningWorld {
  t: TestApp;
  learner: User;
  other: User;
  trainer: User;
  cohortId: string;
  close(): Promise<void>;
}

/**
 * An app on a fresh database with the fixture library imported, one cohort (a trainer and two
 * learners) and the test module assigned to it. The second module exists but is not assigned.
 */
export async function learningWorld(env: Record<string, string> = {}): Promise<LearningWorld> {
  const t = await createTestApp({ COURSES_DIR: FIXTURE_COURSES, ...env });
  await importCourseLibrary(t.ctx.database.db, FIXTURE_COURSES, t.clock.now);
  const learner = await createUser(t.ctx, 'learner', 'julien', undefined, 'Julien Martin');
  const other = await createUser(t.ctx, 'learner', 'sofiane', undefined, 'Sofiane Benali');
  const trainer = await createUser(t.ctx, 'trainer', 'karim', undefined, 'Karim Formateur');
  const origin = { ip: null, actorId: null };
  const cohort = await t.ctx.services.cohorts.create({ name: 'Groupe test', startDate: '2026-11-01', endDate: '2027-04-30' }, origin);
  for (const u of [learner, other, trainer]) await t.ctx.services.cohorts.addMember(cohort.id, u.id, origin);
  await t.ctx.learning.assignment.assign(cohort.id, [{ moduleId: MODULE, position: 1, prerequisiteModuleId: null }]);
  return { t, learner, other, trainer, cohortId: cohort.id, close: () => t.close() };
}

export const itemPath = (itemId: string, moduleId = MODULE) => `/learner/modules/${moduleId}/items/${itemId}`;

/** The hidden attempt id of the player form on the page at `path`. */
export async function attemptOn(agent: request.Agent, pathname: string): Promise<{ attempt: string; csrf: string; $: cheerio.CheerioAPI }> {
  const res = await agent.get(pathname);
  const $ = cheerio.load(res.text);
  const attempt = $('input[name=attempt]').val();
  const csrf = $('input[name=_csrf]').first().val();
  if (typeof attempt !== 'string' || typeof csrf !== 'string') throw new Error(`no player form on ${pathname} (${res.status})`);
  return { attempt, csrf, $ };
}

/** Every statement about a learner, oldest first. */
export async function statementsOf(t: TestApp, userId: string): Promise<Statement[]> {
  const all: Statement[] = [];
  let cursor: string | undefined;
  do {
    const page = await t.ctx.lrs.service.queryStatements({ agent: learnerAgent(t.ctx.config.baseUrl, userId), ascending: true, limit: 500, ...(cursor ? { cursor } : {}) });
    all.push(...page.statements);
    cursor = page.more;
  } while (cursor);
  return all;
}

export async function statementCount(t: TestApp): Promise<number> {
  const row = await anyTable(t.ctx.database).selectFrom('lrs_statement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export const verbOf = (s: Statement) => String((s.verb as { id: string }).id).split('/').pop();

export { csrfFrom, loginAs, cheerio };
