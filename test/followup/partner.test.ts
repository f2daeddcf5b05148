import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createUser, csrfFrom, loginAs } from '../helpers/app.ts';
import { followupRoutes } from '../../src/server/followup/followup.routes.ts';
import { EXTENSIONS } from '../../src/server/xapi/vocabulary.ts';
import { followupWorld, type FollowupWorld } from './fixtures.ts';
import { smallModule, storeModules, storeProgress } from './course-fixture.ts';
import { ourStatement } from './statements.ts';

describe('partner view', () => {
  let w: FollowupWorld;
  let partner: request.Agent;
  let learner: request.Agent;
  const secretAnswer = 'Mon numéro client est le 4242 et je suis furieux';
  const secretComment = 'Commentaire confidentiel du formateur';
  const registration = '0190a3b4-7c1d-7e2f-8a3b-4c5d6e7f00aa';

  before(async () => {
    // Five learners: the smallest group whose figures a partner may see (partner-privacy.ts).
    w = await followupWorld(5);
    const [a, b] = w.learners;
    await storeModules(w.t.ctx, w.cohort.id, [smallModule('accueil', 'Accueillir', [{ id: 'quiz', title: 'Quiz', type: 'quiz' }], ['CCP1.1'])]);
    await storeProgress(w.t.ctx, { userId: a.id, moduleId: 'accueil', itemId: 'quiz', status: 'passed', score: 1, seconds: 5400 });
    await storeProgress(w.t.ctx, { userId: b.id, moduleId: 'accueil', itemId: 'quiz', status: 'failed', score: 0.2, seconds: 1800 });
    // Groupe B has one learner, with figures of her own that must not reach the partner.
    await w.t.ctx.database.db.insertInto('cohort_modules').values({ cohort_id: w.otherCohort.id, module_id: 'accueil', position: 1, prerequisite_module_id: null, assigned_at: w.t.clock.now().toISOString() }).execute();
    await storeProgress(w.t.ctx, { userId: w.outsider.id, moduleId: 'accueil', itemId: 'quiz', status: 'passed', score: 1, seconds: 12_600 });
    // Sunday 22 November is last week; Thursday 26 November (the clock) is this week. Stored
    // times never go backwards, so last week's statement is stored first.
    const now = w.t.clock.now();
    w.t.clock.set(new Date('2026-11-22T18:00:00.000Z'));
    await w.t.ctx.lrs.service.storeStatements([ourStatement({ userId: b.id, verb: 'failed', itemId: 'quiz', result: { score: { scaled: 0.2 } } })]);
    w.t.clock.set(now);
    await w.t.ctx.lrs.service.storeStatements([
      ourStatement({ userId: a.id, verb: 'answered', itemId: 'appel', partId: 'n1', type: 'roleplayTurn', registration, result: { response: secretAnswer, extensions: { [EXTENSIONS.transcriptText]: secretAnswer } } }),
    ]);
    await w.t.ctx.calls.reviews.add({ registration, userId: a.id, reviewerId: w.trainer.id, grid: {}, comment: secretComment });
    const csrf = await csrfFrom(w.trainerAgent, '/trainer/attendance?day=2026-11-25');
    await w.trainerAgent.post('/trainer/attendance').type('form').send({ _csrf: csrf, cohort: w.cohort.id, day: '2026-11-25', [`am_${a.id}`]: '3,5', [`pm_${a.id}`]: '3', [`am_${b.id}`]: '2' });
    await createUser(w.t.ctx, 'partner', 'partenaire');
    await createUser(w.t.ctx, 'learner', 'curieux');
    partner = await loginAs(w.t.app, 'partenaire');
    learner = await loginAs(w.t.app, 'curieux');
  });
  after(() => w.t.close());

  it('shows numbers per cohort: enrolled, active this week, hours, modules completed, certificates', async () => {
    const res = await partner.get('/partner');
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    const card = $('.partner-cohort').filter((_, e) => $(e).find('h2').text() === 'Groupe A');
    const figures = Object.fromEntries(card.find('.tile').map((_, e) => [[$(e).find('dt').text(), $(e).find('.tile-figure').text()]]).get() as unknown as Array<[string, string]>);
    expect(card.find('[data-testid=partner-masked]')).to.have.length(0);
    expect(figures).to.deep.equal({
      'Stagiaires inscrits': '5',
      'Actifs cette semaine': '1',
      'Heures de présence en atelier': '8,5',
      "Heures d'activité sur la plateforme": '2',
      'Modules terminés': '1',
      'Attestations délivrées': '0',
    });
  });

  it('hides every figure of a one-learner group and says why, in French and English', async () => {
    const $ = cheerio.load((await partner.get('/partner')).text);
    const card = $('.partner-cohort').filter((_, e) => $(e).find('h2').text() === 'Groupe B');
    expect(card).to.have.length(1);
    expect(card.find('.tile')).to.have.length(0);
    expect(card.find('[data-testid=partner-masked]').text()).to.equal('Groupe de moins de 5 stagiaires : chiffres masqués pour protéger les personnes.');
    // Her 3.5 hours online, her completed module and her group's size are nowhere on the page.
    const cardText = card.text();
    for (const figure of ['3,5', 'Stagiaires inscrits', "Heures d'activité", 'Modules terminés']) expect(cardText).not.to.include(figure);
    // Nothing but the name, the period and the sentence.
    expect(card.children().map((_, e) => $(e).text().trim()).get()).to.deep.equal([
      'Groupe B',
      'du 1 septembre 2026 au 31 mars 2027',
      'Groupe de moins de 5 stagiaires : chiffres masqués pour protéger les personnes.',
    ]);
    expect($('main').text()).not.to.include('3,5');

    const en = cheerio.load((await partner.get('/partner?lang=en')).text);
    const enCard = en('.partner-cohort').filter((_, e) => en(e).find('h2').text() === 'Groupe B');
    expect(enCard.find('[data-testid=partner-masked]').text()).to.equal('Group of fewer than 5 trainees: figures hidden to protect the people in it.');
    expect(enCard.find('.tile')).to.have.length(0);
    await partner.get('/partner?lang=fr');
  });

  it('hides the figures of a four-learner group and shows them once a fifth joins', async () => {
    const origin = { ip: null, actorId: null };
    const cohort = await w.t.ctx.services.cohorts.create({ name: 'Groupe C', startDate: '2026-09-01', endDate: '2027-03-31' }, origin);
    for (let i = 0; i < 4; i += 1) await w.t.ctx.services.cohorts.addMember(cohort.id, (await createUser(w.t.ctx, 'learner', `c${i}`)).id, origin);
    const cardOf = async () => {
      const $ = cheerio.load((await partner.get('/partner')).text);
      return $('.partner-cohort').filter((_, e) => $(e).find('h2').text() === 'Groupe C');
    };
    let card = await cardOf();
    expect(card.find('.tile')).to.have.length(0);
    expect(card.find('[data-testid=partner-masked]')).to.have.length(1);
    await w.t.ctx.services.cohorts.addMember(cohort.id, (await createUser(w.t.ctx, 'learner', 'c4')).id, origin);
    card = await cardOf();
    expect(card.find('[data-testid=partner-masked]')).to.have.length(0);
    expect(card.find('.tile').first().find('.tile-figure').text()).to.equal('5');
  });

  it('never shows a name, an answer, a transcript or a comment', async () => {
    const text = cheerio.load((await partner.get('/partner')).text)('main').text();
    for (const secret of [secretAnswer, secretComment, 'Stagiaire A', 'Stagiaire B', 'stagiaire1', w.learners[0].id]) expect(text).not.to.include(secret);
  });

  it('answers 403 to a partner and a learner on every trainer page, and shows them nothing', async () => {
    const routes = followupRoutes(w.t.ctx).filter((r) => r.path.startsWith('/trainer'));
    expect(routes.length).to.be.greaterThan(8);
    const concrete = (path: string) => path.replace(':id', w.learners[0].id).replace(':registration', registration);
    for (const agent of [partner, learner]) {
      const csrf = await csrfFrom(agent, '/login?x=1').catch(() => csrfFrom(agent, '/account/password'));
      for (const route of routes) {
        const res = route.method === 'get' ? await agent.get(concrete(route.path)) : await agent.post(concrete(route.path)).type('form').send({ _csrf: csrf });
        expect(res.status, `${route.method} ${route.path}`).to.equal(403);
        for (const secret of [secretAnswer, secretComment, 'Stagiaire A']) expect(res.text, route.path).not.to.include(secret);
      }
    }
    expect((await partner.get('/admin/statements')).status).to.equal(403);
  });
});
