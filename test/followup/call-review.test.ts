import { expect } from 'chai';
import { applyChoice, applyFreeResponse, applyTimeout, applyAction, startCall, type CallState, type Step } from '../../src/server/roleplay/engine/index.ts';
import { stepStatements, type CallIdentity } from '../../src/server/calls/call-statements.ts';
import type { JsonObject } from '../../src/lrs/types.ts';
import { DOUBLE_ECOUTE_GRID, criterionKey, gridScores } from '../../src/server/followup/double-ecoute-grid.ts';
import { cheerio, csrfFrom, TEST_BASE_URL } from '../helpers/app.ts';
import type { Scenario } from '../../src/server/roleplay/scenario/types.ts';
import { EXTENSIONS } from '../../src/server/xapi/vocabulary.ts';
import { loadMini, MINI_LINES, miniWithPromiseText, parse, positionOf, PROMISE_FEEDBACK, PROMISE_LINE } from '../roleplay/helpers.ts';
import { followupWorld, type FollowupWorld } from './fixtures.ts';
import { smallModule, storeModules } from './course-fixture.ts';

const scenario = loadMini();
const T0 = Date.parse('2026-11-26T08:00:00.000Z');

/** A whole call played through the real engine, as call-player records it. */
function playedCall(userId: string, registration: string, finish = true, played: Scenario = scenario, answerLine: string = MINI_LINES.answer): JsonObject[] {
  const call: CallIdentity = {
    baseUrl: TEST_BASE_URL,
    userId,
    moduleId: 'essai',
    moduleTitle: "Module d'essai",
    item: { id: 'appel', title: 'Appel de test', competencies: ['CCP1.1'], scenario: played },
    contentHash: 'a'.repeat(64),
    registration,
  };
  const moves: Array<(s: CallState) => Step> = [
    (s) => applyTimeout(played, s, { turn: s.turn }, T0 + 21_000),
    (s) => applyChoice(played, s, { turn: s.turn, choice: positionOf(played, s, MINI_LINES.greeting) }, T0 + 25_000),
    (s) => applyAction(played, s, { turn: s.turn, type: 'lookup', field: 'livraison' }, T0 + 30_000),
    (s) => applyChoice(played, s, { turn: s.turn, choice: positionOf(played, s, answerLine) }, T0 + 40_000),
    (s) => applyFreeResponse(played, s, { turn: s.turn, text: 'Je vous confirme, madame, que votre colis sera livré le 12 mars, merci.' }, T0 + 70_000),
  ];
  // Seeded like the call player's calls, so the lines come shuffled.
  let state = startCall(played, T0, registration);
  const statements: JsonObject[] = [];
  for (const move of finish ? moves : moves.slice(0, 2)) {
    const step = move(state);
    if (!step.ok) throw new Error(step.rejection.message);
    statements.push(...stepStatements(call, state, step.state));
    state = step.state;
  }
  return statements;
}

function fullGrid(rating: string): Record<string, string> {
  return Object.fromEntries(DOUBLE_ECOUTE_GRID.flatMap((p) => p.criteria.map((c) => [criterionKey(p, c), rating])));
}

describe('call review (double écoute)', () => {
  let w: FollowupWorld;
  const done = '0190a3b4-7c1d-7e2f-8a3b-4c5d6e7f0001';
  const open = '0190a3b4-7c1d-7e2f-8a3b-4c5d6e7f0002';
  const foreign = '0190a3b4-7c1d-7e2f-8a3b-4c5d6e7f0003';
  const blocked = '0190a3b4-7c1d-7e2f-8a3b-4c5d6e7f0004';
  before(async () => {
    w = await followupWorld(1);
    await storeModules(w.t.ctx, w.cohort.id, [smallModule('essai', "Module d'essai", [{ id: 'appel', title: 'Appel de test', type: 'roleplay', scenario }], ['CCP1.1'])]);
    await w.t.ctx.lrs.service.storeStatements(playedCall(w.learners[0].id, done));
    await w.t.ctx.lrs.service.storeStatements(playedCall(w.learners[0].id, open, false));
    await w.t.ctx.lrs.service.storeStatements(playedCall(w.outsider.id, foreign));
    const withPromise = parse(miniWithPromiseText());
    if (!withPromise.ok) throw new Error(JSON.stringify(withPromise.errors));
    await w.t.ctx.lrs.service.storeStatements(playedCall(w.learners[0].id, blocked, true, withPromise.scenario, PROMISE_LINE));
  });
  after(() => w.t.close());
  beforeEach(() => w.t.ctx.database.db.deleteFrom('call_reviews').execute());

  it('shows the transcript with the learner words, the timings and the scores', async () => {
    const res = await w.trainerAgent.get(`/trainer/calls/${done}`);
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text()).to.include('Stagiaire A');
    expect($('.turn-learner').map((_, e) => $(e).text()).get()).to.have.length(5);
    expect($('.turn-learner').last().text()).to.include('Je vous confirme, madame, que votre colis sera livré le 12 mars, merci.');
    expect($('.turn-customer').eq(1).text()).to.include('Allô ? Vous êtes là ?');
    expect($('.turn-clock').map((_, e) => $(e).text()).get()).to.deep.equal(['0:20', '0:25', '0:30', '0:40', '1:10', '1:10']);
    expect($('.call-facts .tile-figure').eq(0).text()).to.equal('Demande traitée');
    expect($('.call-facts .tile-figure').eq(2).text()).to.equal('1 min');
    expect($('.phase-scores tbody tr').length).to.be.greaterThan(1);
    expect($('.grid-table caption').map((_, e) => $(e).text()).get()).to.deep.equal(DOUBLE_ECOUTE_GRID.map((p) => p.fr));
  });

  it('names a blocking fault above the facts and on its turn, read from the statements alone', async () => {
    const $ = cheerio.load((await w.trainerAgent.get(`/trainer/calls/${blocked}`).expect(200)).text);
    expect($('.review-blocking strong').text()).to.equal('Appel non réussi : faute bloquante');
    expect($('.review-blocking li').text()).to.equal(`promesse intenable ${PROMISE_FEEDBACK}`);
    const faulty = $('.turn').filter((_, e) => $(e).find('.tag-error').length > 0);
    expect(faulty).to.have.length(1);
    expect(faulty.find('.turn-learner').text()).to.contain(PROMISE_LINE);
    const clean = cheerio.load((await w.trainerAgent.get(`/trainer/calls/${done}`).expect(200)).text);
    expect(clean('.review-blocking, .tag-error')).to.have.length(0);
  });

  it('lists the lines each choice turn showed, in the order of the screen, from the statements', async () => {
    const statements = (await w.t.ctx.lrs.service.queryStatements({ registration: done, limit: 50 })).statements;
    const greeting = statements.find((s) => JSON.stringify(s.result ?? {}).includes(MINI_LINES.greeting)) as unknown as { context: { extensions: Record<string, string[]> } };
    const textOf: Record<string, string> = { 'choix-1': MINI_LINES.greeting, 'choix-2': MINI_LINES.rude };
    const order = greeting.context.extensions[EXTENSIONS.choicesShown].map((id) => textOf[id]);
    expect([...order].sort()).to.deep.equal([MINI_LINES.greeting, MINI_LINES.rude].sort());
    const $ = cheerio.load((await w.trainerAgent.get(`/trainer/calls/${done}`).expect(200)).text);
    const shown = $('.turn-shown').first().find('li');
    expect(shown.map((_, e) => $(e).text().replace(/\s*\(choisie\)$/, '').trim()).get()).to.deep.equal(order);
    expect(shown.filter('.shown-chosen').text()).to.contain(MINI_LINES.greeting);
  });

  it('saves the grid and the comment through the call reviews repository', async () => {
    const csrf = await csrfFrom(w.trainerAgent, `/trainer/calls/${done}`);
    const ratings = { ...fullGrid('3'), 'accueil.presentation': '1', 'traitement.outils': 'na' };
    const res = await w.trainerAgent.post(`/trainer/calls/${done}/reviews`).type('form').send({ _csrf: csrf, ...ratings, comment: 'Très bonne reformulation. Présentez-vous dès le début.' });
    expect(res.status).to.equal(303);
    const [review] = await w.t.ctx.calls.reviews.listForRegistration(done);
    expect(review.userId).to.equal(w.learners[0].id);
    expect(review.reviewerId).to.equal(w.trainer.id);
    expect(review.comment).to.equal('Très bonne reformulation. Présentez-vous dès le début.');
    expect(review.grid.gridVersion).to.equal(1);
    expect((review.grid.ratings as Record<string, string>)['traitement.outils']).to.equal('na');
    expect(review.grid.score).to.equal(gridScores(ratings as never).overall);
    const $ = cheerio.load((await w.trainerAgent.get(`/trainer/calls/${done}?saved=1`)).text);
    expect($('.review-comment').text()).to.equal('Très bonne reformulation. Présentez-vous dès le début.');
    expect($('.review h3').text()).to.include('Claire Formatrice');
  });

  it('refuses a grid with a missing or invalid rating, keeps what was typed, and stores nothing', async () => {
    const csrf = await csrfFrom(w.trainerAgent, `/trainer/calls/${done}`);
    const ratings = { ...fullGrid('2'), 'conclusion.recapitulatif': '7' };
    delete (ratings as Record<string, string>)['accueil.ecoute'];
    const res = await w.trainerAgent.post(`/trainer/calls/${done}/reviews`).type('form').send({ _csrf: csrf, ...ratings, comment: 'À garder' });
    expect(res.status).to.equal(400);
    const $ = cheerio.load(res.text);
    expect($('#f-accueil\\.ecoute .error-text').text()).to.equal('Choisissez une appréciation pour ce critère.');
    expect($('#f-conclusion\\.recapitulatif .error-text').text()).to.equal('Choisissez une appréciation pour ce critère.');
    expect($('input[name="traitement.solution"][value="2"]').attr('checked')).to.equal('checked');
    expect($('#f-comment').text()).to.equal('À garder');
    const long = await w.trainerAgent.post(`/trainer/calls/${done}/reviews`).type('form').send({ _csrf: csrf, ...fullGrid('2'), comment: 'x'.repeat(4001) });
    expect(long.status).to.equal(400);
    expect(await w.t.ctx.calls.reviews.listForRegistration(done)).to.deep.equal([]);
  });

  it('does not review a call that is not over', async () => {
    const page = cheerio.load((await w.trainerAgent.get(`/trainer/calls/${open}`)).text);
    expect(page('form[action$="/reviews"]')).to.have.length(0);
    const csrf = await csrfFrom(w.trainerAgent, `/trainer/calls/${done}`);
    const res = await w.trainerAgent.post(`/trainer/calls/${open}/reviews`).type('form').send({ _csrf: csrf, ...fullGrid('2') });
    expect(res.status).to.equal(400);
    expect(await w.t.ctx.calls.reviews.listForRegistration(open)).to.deep.equal([]);
  });

  it("404s an unknown call and refuses another cohort's call", async () => {
    expect((await w.trainerAgent.get('/trainer/calls/0190a3b4-7c1d-7e2f-8a3b-4c5d6e7f9999')).status).to.equal(404);
    expect((await w.trainerAgent.get('/trainer/calls/pas-un-uuid')).status).to.equal(404);
    expect((await w.trainerAgent.get(`/trainer/calls/${foreign}`)).status).to.equal(403);
    const csrf = await csrfFrom(w.trainerAgent, `/trainer/calls/${done}`);
    expect((await w.trainerAgent.post(`/trainer/calls/${foreign}/reviews`).type('form').send({ _csrf: csrf, ...fullGrid('3') })).status).to.equal(403);
    expect(await w.t.ctx.calls.reviews.listForRegistration(foreign)).to.deep.equal([]);
  });

  it('weights the grid: 1 counts 0, 2 one half, 3 in full; not observed is left out', () => {
    expect(gridScores(fullGrid('3') as never).overall).to.equal(1);
    expect(gridScores(fullGrid('2') as never).overall).to.equal(0.5);
    expect(gridScores(fullGrid('na') as never)).to.deep.include({ overall: null });
    // accueil: presentation (w2) = 0, ecoute (w1) = 1 -> 1/3
    expect(gridScores({ 'accueil.presentation': '1', 'accueil.ecoute': '3' }).phases.accueil).to.equal(0.333);
  });
});
