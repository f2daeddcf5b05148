import { expect } from 'chai';
import type { Statement } from '../../src/lrs/index.ts';
import { EXTENSIONS, VERBS } from '../../src/server/xapi/vocabulary.ts';
import { miniWithPromiseText, PROMISE_FEEDBACK, PROMISE_LINE } from '../roleplay/helpers.ts';
import { callBed, choiceReading, ITEM_ID, page, postTurn, startTestCall, statementsOf, storedCall, type CallBed } from './support.ts';

const PROMISE = PROMISE_LINE;
const WITH_PROMISE = miniWithPromiseText();
const verbOf = (s: Statement) => (s.verb as { id: string }).id;

describe('call player: a blocking fault fails the call (HTTP)', function () {
  this.timeout(60_000);
  let bed: CallBed;
  beforeEach(async () => {
    bed = await callBed(WITH_PROMISE);
    bed.at(0);
  });
  afterEach(() => bed.close());

  it('fails the call whatever its points: debrief names the fault first, the closing statement is failed, progress reads failed', async () => {
    const callId = await startTestCall(bed.learner);
    bed.at(5);
    const greeting = await choiceReading(bed.learner, callId, 'Bonjour madame, Lucie du service client, je vous écoute.');
    await postTurn(bed.learner, callId, { turn: 0, choice: greeting }).then((r) => expect(r.status).to.equal(303));
    bed.at(15);
    const promise = await choiceReading(bed.learner, callId, PROMISE);
    await postTurn(bed.learner, callId, { turn: 1, choice: promise }).then((r) => expect(r.status).to.equal(303));
    bed.at(30);
    const done = await postTurn(bed.learner, callId, { turn: 2, response: 'Je vous confirme, madame, que votre colis sera livré le 12 mars.' });
    expect(done.status).to.equal(303);
    expect(done.headers.location).to.equal(`/learner/calls/${callId}/debrief`);

    const $ = page((await bed.learner.get(`/learner/calls/${callId}/debrief`).expect(200)).text);
    const outcome = $('.debrief-outcome');
    // Named first, before the outcome and the score.
    expect(outcome.children().first().is('.debrief-blocking')).to.equal(true);
    expect(outcome.find('.debrief-blocking h2').text()).to.equal('Appel non réussi : faute bloquante');
    expect(outcome.find('.blocking-fault strong').text()).to.equal('Promesse impossible à tenir');
    expect(outcome.find('.blocking-fault').text()).to.contain(PROMISE_FEEDBACK);
    expect(outcome.find('.blocking-fault').text()).to.contain(`Vous avez dit : « ${PROMISE} »`);
    expect(outcome.find('.alert').last().text()).to.contain('Score : 100 %');
    expect(outcome.find('.alert').last().text()).to.contain('Pas encore réussi.');
    expect($('.debrief-blocking-turn')).to.have.length(1);

    await bed.learner.get('/learner/calls?lang=en').expect(200);
    const en = page((await bed.learner.get(`/learner/calls/${callId}/debrief`).expect(200)).text);
    expect(en('.debrief-blocking h2').text()).to.equal('Call not passed: blocking fault');
    expect(en('.blocking-fault strong').text()).to.equal('A promise that cannot be kept');

    const { registration } = await storedCall(bed.t, callId);
    const statements = await statementsOf(bed.t, registration);
    const closing = statements.filter((s) => [VERBS.passed.id, VERBS.failed.id].includes(verbOf(s) as never));
    expect(closing.map(verbOf)).to.deep.equal([VERBS.failed.id]);
    const result = closing[0].result as { success: boolean; score: { scaled: number }; extensions: Record<string, unknown> };
    expect(result.success).to.equal(false);
    expect(result.score.scaled).to.equal(1);
    expect(result.extensions[EXTENSIONS.blockingFaults]).to.deep.equal([
      { turn: 1, tag: 'promesse intenable', code: 'unkeepable-promise', label: PROMISE_FEEDBACK },
    ]);
    const answered = statements.find((s) => verbOf(s) === VERBS.answered.id && (s.context as { extensions: Record<string, unknown> }).extensions[EXTENSIONS.turn] === 1);
    expect((answered?.result as { extensions: Record<string, unknown> }).extensions[EXTENSIONS.blockingFaults]).to.deep.equal([
      { tag: 'promesse intenable', code: 'unkeepable-promise', label: PROMISE_FEEDBACK },
    ]);
    const progress = await bed.t.ctx.database.db.selectFrom('learner_item_progress').select(['status']).where('user_id', '=', bed.learnerId).where('item_id', '=', ITEM_ID).execute();
    expect(progress.map((p) => p.status)).to.deep.equal(['failed']);
  });
});
