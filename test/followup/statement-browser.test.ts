import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createUser, loginAs } from '../helpers/app.ts';
import { VERBS } from '../../src/server/xapi/vocabulary.ts';
import { followupWorld, type FollowupWorld } from './fixtures.ts';
import { ourStatement } from './statements.ts';

describe('statement browser', () => {
  let w: FollowupWorld;
  let admin: request.Agent;
  before(async () => {
    w = await followupWorld(2);
    await createUser(w.t.ctx, 'admin', 'admin-traces');
    const [a, b] = w.learners;
    const store = (s: Record<string, unknown>[]) => w.t.ctx.lrs.service.storeStatements(s);
    // Sessions expire on the real clock: record the first statement "yesterday", then come back.
    const now = w.t.clock.now();
    w.t.clock.set(new Date('2026-11-25T10:00:00.000Z'));
    await store([ourStatement({ userId: a.id, verb: 'passed', itemId: 'quiz', name: 'Quiz accueil', result: { score: { scaled: 0.75 }, success: true } })]);
    w.t.clock.set(now);
    await store([ourStatement({ userId: b.id, verb: 'experienced', itemId: 'lecon', type: 'lesson', name: 'Leçon accueil' })]);
    await store([ourStatement({ userId: w.outsider.id, verb: 'failed', itemId: 'quiz', name: 'Quiz secret' })]);
    // 30 statements for A, to page through.
    await store(Array.from({ length: 30 }, (_, i) => ourStatement({ userId: a.id, verb: 'answered', itemId: 'quiz', partId: `q${i}`, type: 'question', name: `Question ${i}` })));
    admin = await loginAs(w.t.app, 'admin-traces');
  });
  after(() => w.t.close());

  const sentences = (html: string) => {
    const $ = cheerio.load(html);
    return $('.statement-sentence').map((_, e) => $(e).text()).get();
  };

  it('asks a trainer to choose one of their learners first', async () => {
    const res = await w.trainerAgent.get('/trainer/statements');
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    expect($('#f-learner option').map((_, o) => $(o).text()).get()).to.deep.equal(['Tous les stagiaires', 'Stagiaire A', 'Stagiaire B']);
    expect($('.statement')).to.have.length(0);
  });

  it('shows a learner statements as French sentences with the raw JSON, newest first, 25 a page', async () => {
    const res = await w.trainerAgent.get(`/trainer/statements?learner=${w.learners[0].id}`);
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    const shown = sentences(res.text);
    expect(shown).to.have.length(25);
    expect(shown[0]).to.equal('Stagiaire A a répondu à la question « Question 29 »');
    const raw = JSON.parse($('.statement details pre').first().text()) as { actor: { account: { name: string } } };
    expect(raw.actor.account.name).to.equal(w.learners[0].id);
    const next = $('a[rel=next]').attr('href') as string;
    const page2 = await w.trainerAgent.get(next);
    expect(page2.status).to.equal(200);
    expect(sentences(page2.text)).to.deep.equal([
      ...Array.from({ length: 5 }, (_, i) => `Stagiaire A a répondu à la question « Question ${4 - i} »`),
      'Stagiaire A a réussi le quiz « Quiz accueil » (score 75 %)',
    ]);
  });

  it('filters by verb, activity and recording day', async () => {
    const a = w.learners[0].id;
    const byVerb = await w.trainerAgent.get(`/trainer/statements?learner=${a}&verb=${encodeURIComponent(VERBS.passed.id)}`);
    expect(sentences(byVerb.text)).to.deep.equal(['Stagiaire A a réussi le quiz « Quiz accueil » (score 75 %)']);
    const activity = encodeURIComponent('http://tremplin.test/xapi/activities/modules/accueil/items/quiz/q3');
    expect(sentences((await w.trainerAgent.get(`/trainer/statements?learner=${a}&activity=${activity}`)).text)).to.deep.equal([
      'Stagiaire A a répondu à la question « Question 3 »',
    ]);
    const firstDay = await w.trainerAgent.get(`/trainer/statements?learner=${a}&from=2026-11-25&to=2026-11-25`);
    expect(sentences(firstDay.text)).to.deep.equal(['Stagiaire A a réussi le quiz « Quiz accueil » (score 75 %)']);
  });

  it('lets an admin browse everyone, and name the learner', async () => {
    const res = await admin.get(`/admin/statements?verb=${encodeURIComponent(VERBS.failed.id)}`);
    expect(res.status).to.equal(200);
    expect(sentences(res.text)).to.deep.equal(["Autre Groupe n'a pas réussi le quiz « Quiz secret »"]);
  });

  it('refuses bad filters with a translated message', async () => {
    const a = w.learners[0].id;
    for (const [query, text] of [
      [`learner=${a}&from=2026-13-01`, 'vraie date'],
      [`learner=${a}&from=2026-11-27&to=2026-11-26`, 'après la date de début'],
      [`learner=${a}&verb=passed`, "n'est pas reconnue"],
      [`learner=${a}&more=%2A%2A`, "n'est plus valable"],
      [`learner=${a}&more=abc`, "n'est plus valable"],
    ]) {
      const res = await w.trainerAgent.get(`/trainer/statements?${query}`);
      expect(res.status, query).to.equal(400);
      expect(cheerio.load(res.text)('main').text(), query).to.include(text);
    }
  });

  it("refuses another cohort's learner (403) and an unknown one (404)", async () => {
    expect((await w.trainerAgent.get(`/trainer/statements?learner=${w.outsider.id}`)).status).to.equal(403);
    expect((await w.trainerAgent.get('/trainer/statements?learner=nobody')).status).to.equal(404);
    expect((await admin.get('/admin/statements?learner=nobody')).status).to.equal(404);
  });

  it('refuses a page cursor crafted to show another learner', async () => {
    // Oldest first, one a page: the page after A's first statement holds B's.
    const all = await w.t.ctx.lrs.service.queryStatements({ limit: 1, ascending: true });
    const res = await w.trainerAgent.get(`/trainer/statements?learner=${w.learners[0].id}&more=${all.more}`);
    expect(res.status).to.equal(403);
  });
});
