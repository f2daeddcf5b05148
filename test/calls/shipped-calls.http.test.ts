import { expect } from 'chai';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import type { RoleplayItem } from '../../src/server/courses/format/types.ts';
import { VERBS } from '../../src/server/xapi/vocabulary.ts';
import { COURSES_DIR } from '../courses/fixtures.ts';
import { createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../helpers/app.ts';
import { assignModule, page, statementsOf, storedCall } from './support.ts';
import type request from 'supertest';

/**
 * Every shipped scenario, played through the real pages from pickup to debrief with a simple
 * strategy (first line offered, else a look-up, else hold or transfer; a short typed answer).
 */
describe('shipped role-plays play through the call player', function () {
  this.timeout(300_000);
  let t: TestApp;
  let agent: request.Agent;
  let items: Array<{ moduleId: string; item: RoleplayItem }>;

  before(async () => {
    t = await createTestApp();
    const report = await importCourseLibrary(t.ctx.database.db, COURSES_DIR, t.clock.now);
    expect(report.errors).to.deep.equal([]);
    const learner = await createUser(t.ctx, 'learner', 'stagiaire-bibliotheque');
    items = [];
    for (const summary of await t.ctx.learning.courses.listModules()) {
      const version = await t.ctx.learning.courses.latestVersion(summary.id);
      const roleplays = (version?.content.items ?? []).filter((i): i is RoleplayItem => i.type === 'roleplay');
      if (roleplays.length === 0) continue;
      await assignModule(t, learner.id, summary.id);
      for (const item of roleplays) items.push({ moduleId: summary.id, item });
    }
    agent = await loginAs(t.app, 'stagiaire-bibliotheque');
  });
  after(() => t.close());

  it('ships at least ten role-plays', () => {
    expect(items.length).to.be.at.least(10);
  });

  it('plays each one to an ending, with the debrief and a closing statement', async () => {
    const failures: string[] = [];
    let voiced = 0;
    for (const { moduleId, item } of items) {
      const csrf = await csrfFrom(agent, `/learner/calls/start?module=${moduleId}&item=${item.id}`);
      const started = await agent.post('/learner/calls/start').type('form').send({ _csrf: csrf, module: moduleId, item: item.id });
      const callId = String(started.headers.location).split('/').pop() as string;
      let location = `/learner/calls/${callId}`;
      for (let step = 0; step < 80 && !location.endsWith('/debrief'); step++) {
        const res = await agent.get(location);
        if (res.status !== 200) {
          failures.push(`${item.id}: player answered ${res.status}`);
          break;
        }
        const $ = page(res.text);
        voiced += $('audio.call-audio').length;
        const turn = String($('form input[name=turn]').first().val());
        const fields: Record<string, string> = { _csrf: String($('input[name=_csrf]').first().val()), turn };
        const choice = $('button[name=choice]:not([disabled])').first();
        const lookup = $('input[name=action][value=lookup]').first();
        if ($('textarea[name=response]').length > 0) fields.response = 'Bonjour madame, je vous remercie, je vérifie votre dossier et je vous rappelle.';
        else if (choice.length > 0) fields.choice = String(choice.val());
        else if (lookup.length > 0) Object.assign(fields, { action: 'lookup', field: String(lookup.siblings('input[name=field]').val()) });
        else if ($('button[value=hold]:not([disabled])').length > 0) fields.action = 'hold';
        else fields.action = 'transfer';
        t.clock.set(new Date(t.clock.now().getTime() + 5000));
        const posted = await agent.post(`/learner/calls/${callId}/turn`).type('form').send(fields);
        if (posted.status !== 303) {
          failures.push(`${item.id}: turn ${turn} answered ${posted.status}: ${page(posted.text)('.alert-error, main').first().text().trim().slice(0, 120)}`);
          break;
        }
        location = String(posted.headers.location).replace(/\?.*$/, '');
      }
      const debrief = await agent.get(`/learner/calls/${callId}/debrief`);
      const stored = await storedCall(t, callId);
      const closing = (await statementsOf(t, stored.registration)).filter((s) => [VERBS.passed.id, VERBS.failed.id].includes((s.verb as { id: string }).id as never));
      if (stored.status !== 'completed' || debrief.status !== 200 || closing.length !== 1) failures.push(`${item.id}: status ${stored.status}, debrief ${debrief.status}, closing statements ${closing.length}`);
    }
    expect(failures).to.deep.equal([]);
    // The library ships synthesized voices (npm run voices): the player offers them.
    expect(voiced).to.be.greaterThan(items.length);
  });
});
