import { expect } from 'chai';
import type request from 'supertest';
import { createUser, csrfFrom, loginAs, cheerio } from '../helpers/app.ts';
import { learningWorld, MODULE, OTHER_MODULE, type LearningWorld } from './helpers.ts';

describe('assignment of modules to cohorts (trainer page)', () => {
  let w: LearningWorld;
  let trainer: request.Agent;
  const page = () => `/trainer/cohorts/${w.cohortId}/modules`;
  beforeEach(async () => {
    w = await learningWorld();
    trainer = await loginAs(w.t.app, 'karim');
  });
  afterEach(() => w.close());

  it('lists the cohort with its module count and shows every imported module', async () => {
    const index = cheerio.load((await trainer.get('/trainer/modules')).text);
    expect(index('tbody tr td').first().text()).to.equal('Groupe test');
    const $ = cheerio.load((await trainer.get(page())).text);
    expect($('tr[data-module]').map((_, e) => $(e).attr('data-module')).get()).to.deep.equal([MODULE, OTHER_MODULE]);
    expect($(`#f-assigned__${MODULE}`).is(':checked')).to.equal(true);
    expect($(`#f-assigned__${OTHER_MODULE}`).is(':checked')).to.equal(false);
  });

  it('assigns with an order and a prerequisite; the learner sees the new module, locked', async () => {
    const csrf = await csrfFrom(trainer, page());
    const res = await trainer
      .post(page())
      .type('form')
      .send({ _csrf: csrf, [`assigned__${MODULE}`]: 'on', [`position__${MODULE}`]: '2', [`assigned__${OTHER_MODULE}`]: 'on', [`position__${OTHER_MODULE}`]: '1', [`prerequisite__${MODULE}`]: OTHER_MODULE });
    expect(res.status).to.equal(303);
    const rows = await w.t.ctx.learning.assignments.forCohort(w.cohortId);
    expect(rows.map((r) => [r.moduleId, r.position, r.prerequisiteModuleId])).to.deep.equal([
      [OTHER_MODULE, 1, null],
      [MODULE, 2, OTHER_MODULE],
    ]);
    const learner = await loginAs(w.t.app, 'julien');
    const $ = cheerio.load((await learner.get('/learner')).text);
    expect($('.module-card').map((_, e) => $(e).attr('data-module')).get()).to.deep.equal([OTHER_MODULE, MODULE]);
    expect($(`.module-card[data-module=${MODULE}] .locked`).length).to.equal(1);
  });

  it('refuses a prerequisite loop, an unknown module and a bad position, and changes nothing', async () => {
    const before = await w.t.ctx.learning.assignments.forCohort(w.cohortId);
    const csrf = await csrfFrom(trainer, page());
    const loop = await trainer.post(page()).type('form').send({
      _csrf: csrf,
      [`assigned__${MODULE}`]: 'on', [`position__${MODULE}`]: '1', [`prerequisite__${MODULE}`]: OTHER_MODULE,
      [`assigned__${OTHER_MODULE}`]: 'on', [`position__${OTHER_MODULE}`]: '2', [`prerequisite__${OTHER_MODULE}`]: MODULE,
    });
    expect(loop.status).to.equal(400);
    expect(cheerio.load(loop.text)('.alert-error').text()).to.contain('tournent en rond');
    const unknown = await trainer.post(page()).type('form').send({ _csrf: csrf, 'assigned__module-fantome': 'on', 'position__module-fantome': '1' });
    expect(unknown.status).to.equal(400);
    expect(cheerio.load(unknown.text)('.alert-error').text()).to.contain("Ce module n'existe pas.");
    const position = await trainer.post(page()).type('form').send({ _csrf: csrf, [`assigned__${MODULE}`]: 'on', [`position__${MODULE}`]: 'premier' });
    expect(position.status).to.equal(400);
    expect(await w.t.ctx.learning.assignments.forCohort(w.cohortId)).to.deep.equal(before);
  });

  it("refuses a trainer who does not follow the cohort", async () => {
    await createUser(w.t.ctx, 'trainer', 'autre-formateur');
    const stranger = await loginAs(w.t.app, 'autre-formateur');
    const res = await stranger.get(page());
    expect(res.status).to.equal(403);
    expect(cheerio.load(res.text)('main').text()).to.contain('Vous ne suivez pas ce groupe.');
    const csrf = await csrfFrom(stranger, '/trainer/modules');
    const post = await stranger.post(page()).type('form').send({ _csrf: csrf });
    expect(post.status).to.equal(403);
    expect(await w.t.ctx.learning.assignments.forCohort(w.cohortId)).to.have.length(1);
  });
});

describe('admin course import page', () => {
  let w: LearningWorld;
  beforeEach(async () => {
    w = await learningWorld();
    await createUser(w.t.ctx, 'admin', 'camille');
  });
  afterEach(() => w.close());

  it('lists the modules with their versions and re-imports with a report', async () => {
    const admin = await loginAs(w.t.app, 'camille');
    const $ = cheerio.load((await admin.get('/admin/courses')).text);
    expect($('tbody tr').length).to.equal(2);
    const csrf = String($('input[name=_csrf]').first().val());
    const res = await admin.post('/admin/courses/import').type('form').send({ _csrf: csrf });
    expect(res.status).to.equal(200);
    const report = cheerio.load(res.text)('#import-report').text();
    expect(report).to.contain('0 nouvelle(s) version(s), 2 module(s) inchangé(s), 0 erreur(s).');
    expect((await w.t.ctx.learning.courses.versionHistory(MODULE)).length).to.equal(1);
  });
});
