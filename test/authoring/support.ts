import type request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../helpers/app.ts';
import { anyTable } from '../helpers/database.ts';

export interface AuthoringFixture {
  t: TestApp;
  trainer: request.Agent;
  csrf: string;
}

export async function authoringFixture(): Promise<AuthoringFixture> {
  const t = await createTestApp();
  await createUser(t.ctx, 'trainer', 'formatrice');
  const trainer = await loginAs(t.app, 'formatrice');
  const csrf = await csrfFrom(trainer, '/trainer/authoring');
  return { t, trainer, csrf };
}

/** Creates a module draft through the form, with the default values plus overrides. */
export async function createModule(f: AuthoringFixture, overrides: Record<string, string | string[]> = {}): Promise<request.Response> {
  return f.trainer
    .post('/trainer/authoring/modules')
    .type('form')
    .send({ _csrf: f.csrf, id: 'mon-module', title: 'Mon module', summary: 'Un module de test.', durationMinutes: '30', level: 'débutant', competencies: ['CCP1.1', 'T1'], ...overrides });
}

export async function addItem(f: AuthoringFixture, moduleId: string, type: string, itemId: string, title: string): Promise<request.Response> {
  return f.trainer.post(`/trainer/authoring/${moduleId}/items`).type('form').send({ _csrf: f.csrf, type, itemId, itemTitle: title, itemCompetencies: ['CCP1.1'] });
}

export async function countRows(f: AuthoringFixture, table: string): Promise<number> {
  const row = await anyTable(f.t.ctx.database).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export { cheerio };
