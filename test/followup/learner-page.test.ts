import { expect } from 'chai';
import { cheerio } from '../helpers/app.ts';
import { EXTENSIONS } from '../../src/server/xapi/vocabulary.ts';
import { followupWorld, type FollowupWorld } from './fixtures.ts';
import { smallModule, storeModules, storeProgress } from './course-fixture.ts';
import { ourStatement } from './statements.ts';

describe('learner page', () => {
  let w: FollowupWorld;
  const registration = '0190f000-aaaa-7bbb-8ccc-000000000001';
  before(async () => {
    w = await followupWorld(2);
    const [a] = w.learners;
    await storeModules(w.t.ctx, w.cohort.id, [
      smallModule('accueil', 'Accueillir un appel', [{ id: 'quiz', title: 'Quiz accueil', type: 'quiz' }, { id: 'appel', title: 'Client pressé', type: 'roleplay' }], ['CCP1.1']),
    ]);
    await storeProgress(w.t.ctx, { userId: a.id, moduleId: 'hors', itemId: 'x', status: 'passed' });
    await w.t.ctx.lrs.service.storeStatements([
      ourStatement({ userId: a.id, verb: 'passed', itemId: 'quiz', name: 'Quiz accueil', timestamp: '2026-11-10T09:00:00.000Z', result: { score: { scaled: 0.9 }, success: true, duration: 'PT30M' } }),
      ourStatement({ userId: a.id, verb: 'answered', itemId: 'quiz', partId: 'q1', type: 'question', name: 'Q1', timestamp: '2026-11-24T09:00:00.000Z', result: { response: 'bonjour', duration: 'PT5M' } }),
      ourStatement({
        userId: a.id, verb: 'passed', itemId: 'appel', type: 'roleplay', name: 'Client pressé', registration, timestamp: '2026-11-25T14:00:00.000Z',
        result: { score: { scaled: 0.75 }, success: true, duration: 'PT6M', extensions: { [EXTENSIONS.outcome]: 'resolved' } },
      }),
      ourStatement({ userId: w.learners[1].id, verb: 'failed', itemId: 'quiz', name: 'Quiz accueil', result: { score: { scaled: 0.1 } } }),
    ]);
  });
  after(() => w.t.close());

  it('shows the timeline in plain French, newest first, grouped by day', async () => {
    const res = await w.trainerAgent.get(`/trainer/learners/${w.learners[0].id}`);
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text()).to.equal('Stagiaire A');
    expect($('.timeline-sentence').map((_, e) => $(e).text()).get()).to.deep.equal([
      "Stagiaire A a réussi l'appel simulé « Client pressé » (score 75 %, en 6 min)",
      'Stagiaire A a répondu à la question « Q1 » : « bonjour » (en 5 min)',
      'Stagiaire A a réussi le quiz « Quiz accueil » (score 90 %, en 30 min)',
    ]);
    expect($('.timeline-time').first().text()).to.equal('15:00');
    expect($('.card h3').map((_, e) => $(e).text()).get()).to.deep.equal(['25 novembre 2026', '24 novembre 2026', '10 novembre 2026']);
    expect($('main').text()).not.to.include('Stagiaire B');
  });

  it('lists competencies with their level from the evidence rules', async () => {
    const $ = cheerio.load((await w.trainerAgent.get(`/trainer/learners/${w.learners[0].id}`)).text);
    const row = $('.competency-table tbody tr').filter((_, e) => $(e).find('th').text().startsWith('CCP1.1 '));
    expect(row.find('.level').text()).to.equal('acquis');
    expect(row.find('td.num').map((_, e) => $(e).text()).get()).to.deep.equal(['2', '83 %']);
    const other = $('.competency-table tbody tr').filter((_, e) => $(e).find('th').text().startsWith('CCP2.1 '));
    expect(other.find('.level').text()).to.equal('non acquis');
  });

  it('charts the time on task per week, with the same figures as a table', async () => {
    const $ = cheerio.load((await w.trainerAgent.get(`/trainer/learners/${w.learners[0].id}`)).text);
    expect($('svg.chart-bar > title').text()).to.equal('Temps passé par semaine');
    const rows = $('.chart-data tbody tr').map((_, e) => [[$(e).find('th').text(), $(e).find('td').text()]]).get() as unknown as string[][];
    // Only closing statements count (answers are parts of the quiz's time): 30 min the week of
    // 9 November, 6 min the week of 23 November. The cohort started on 1 September.
    expect(rows.find((r) => r[0] === 'sem. du 9 nov.')?.[1]).to.equal('30 min');
    expect(rows.find((r) => r[0] === 'sem. du 23 nov.')?.[1]).to.equal('6 min');
    expect(rows.at(-1)?.[0]).to.equal('sem. du 23 nov.');
    // Weeks before the cohort's start (1 September) are left out.
    expect(rows[0]).to.deep.equal(['sem. du 31 août', '0 s']);
    expect(rows).to.have.length(13);
  });

  it('draws the weekly chart with axes: titles with the unit, hour graduations and dates under the bars', async () => {
    const $ = cheerio.load((await w.trainerAgent.get(`/trainer/learners/${w.learners[0].id}`)).text);
    expect($('svg.chart-bar .chart-axis-title').map((_, e) => $(e).text()).get()).to.deep.equal(['Heures', 'Semaine (du lundi)']);
    // The longest week is 30 min: graduations every half hour, written the French way.
    expect($('svg.chart-bar .chart-tick').map((_, e) => $(e).text()).get()).to.deep.equal(['0 h', '0,5 h']);
    expect($('svg.chart-bar .chart-label').map((_, e) => $(e).text()).get()).to.deep.equal(['31 août', '28 sept.', '26 oct.', '23 nov.']);
    const en = cheerio.load((await w.trainerAgent.get(`/trainer/learners/${w.learners[0].id}?lang=en`)).text);
    expect(en('svg.chart-bar .chart-axis-title').map((_, e) => en(e).text()).get()).to.deep.equal(['Hours', 'Week (from Monday)']);
    expect(en('svg.chart-bar .chart-tick').map((_, e) => en(e).text()).get()).to.deep.equal(['0 h', '0.5 h']);
    await w.trainerAgent.get(`/trainer/learners/${w.learners[0].id}?lang=fr`);
  });

  it('pages the call history by ten, newest first; a page out of range or not a number is no error', async () => {
    const b = w.learners[1];
    const calls = Array.from({ length: 23 }, (_, i) =>
      ourStatement({
        userId: b.id, verb: 'passed', itemId: 'appel', type: 'roleplay', name: 'Client pressé', registration: `0190f000-aaaa-7bbb-8ccc-0000000002${String(i).padStart(2, '0')}`,
        timestamp: `2026-11-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`, result: { score: { scaled: 0.5 }, success: true, duration: 'PT4M' },
      }),
    );
    await w.t.ctx.lrs.service.storeStatements(calls);
    const pageOf = async (query: string) => {
      const res = await w.trainerAgent.get(`/trainer/learners/${b.id}${query}`);
      expect(res.status).to.equal(200);
      const $ = cheerio.load(res.text);
      return {
        range: $('#calls-range').text(),
        days: $('.call-history tbody time').map((_, e) => String($(e).attr('datetime')).slice(0, 10)).get(),
        newer: $('#calls-newer').attr('href') ?? null,
        older: $('#calls-older').attr('href') ?? null,
        tile: $('.tile').filter((_, e) => $(e).text().includes('Appels')).find('.tile-figure').text(),
      };
    };
    const first = await pageOf('');
    expect(first.range).to.equal('Appels 1 à 10 sur 23, les plus récents d’abord.');
    expect(first.days).to.have.length(10);
    expect(first.days[0]).to.equal('2026-11-23');
    expect(first.days[9]).to.equal('2026-11-14');
    expect(first.newer).to.equal(null);
    expect(first.older).to.equal(`/trainer/learners/${b.id}?calls=2#calls`);
    expect(first.tile).to.equal('23');
    const last = await pageOf('?calls=3');
    expect(last.range).to.equal('Appels 21 à 23 sur 23, les plus récents d’abord.');
    expect(last.days).to.deep.equal(['2026-11-03', '2026-11-02', '2026-11-01']);
    expect(last.older).to.equal(null);
    expect(last.newer).to.equal(`/trainer/learners/${b.id}?calls=2#calls`);
    expect((await pageOf('?calls=999')).days).to.deep.equal(last.days);
    expect((await pageOf('?calls=abc')).days).to.deep.equal(first.days);
    expect((await pageOf('?calls=-1')).days).to.deep.equal(first.days);
  });

  it('lists the role-play calls with a link to the review', async () => {
    const $ = cheerio.load((await w.trainerAgent.get(`/trainer/learners/${w.learners[0].id}`)).text);
    const call = $('.call-history tbody tr').first();
    expect(call.find('th').text()).to.equal('Client pressé');
    expect(call.find('td').map((_, e) => $(e).text()).get().slice(1, 4)).to.deep.equal(['Demande traitée', '75 %', '6 min']);
    expect(call.find('a').attr('href')).to.equal(`/trainer/calls/${registration}`);
    expect(call.find('a').text()).to.equal('Écouter et évaluer');
  });

  it('shows the double-écoute grid scores over time', async () => {
    const reviews = w.t.ctx.calls.reviews;
    await reviews.add({ registration, userId: w.learners[0].id, reviewerId: w.trainer.id, grid: { score: 0.5 }, comment: 'premier', createdAt: '2026-11-25T15:00:00.000Z' });
    await reviews.add({ registration, userId: w.learners[0].id, reviewerId: w.trainer.id, grid: { score: 0.75 }, comment: 'second', createdAt: '2026-11-26T08:00:00.000Z' });
    const $ = cheerio.load((await w.trainerAgent.get(`/trainer/learners/${w.learners[0].id}`)).text);
    expect($('.review-history tbody td.num').map((_, e) => $(e).text()).get()).to.deep.equal(['50 %', '75 %']);
    expect($('.call-history tbody tr').first().find('a').text()).to.equal("Voir l'évaluation (75 %)");
    await w.t.ctx.database.db.deleteFrom('call_reviews').execute();
  });

  it("404s an unknown learner and refuses another cohort's learner or a trainer id", async () => {
    expect((await w.trainerAgent.get('/trainer/learners/inconnu')).status).to.equal(404);
    const other = await w.trainerAgent.get(`/trainer/learners/${w.outsider.id}`);
    expect(other.status).to.equal(403);
    expect(cheerio.load(other.text)('main').text()).to.include("n'est pas dans l'un de vos groupes");
    expect((await w.trainerAgent.get(`/trainer/learners/${w.trainer.id}`)).status).to.equal(404);
  });
});
