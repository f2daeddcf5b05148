import { expect } from 'chai';
import { MINI_LINES } from '../roleplay/helpers.ts';
import { callBed, choiceReading, ITEM_ID, MODULE_ID, page, postTurn, startTestCall, statementsOf, storedCall, type CallBed } from './support.ts';
import { createUser, csrfFrom, loginAs } from '../helpers/app.ts';
import { EXTENSIONS } from '../../src/server/xapi/vocabulary.ts';

/**
 * Tampered posts are refused with a clear, translated message, and change nothing: no new
 * statement in the LRS, the stored call state as it was.
 */
describe('call player: tampering is refused and changes nothing', function () {
  // Each test builds a fresh app, imports a module and logs two learners in: slow on a busy machine.
  this.timeout(60_000);
  let bed: CallBed;
  let callId: string;
  let registration: string;
  /** Where the greeting stood on this call's screen at turn 0 (the other line is at 1 - greetingAt). */
  let greetingAt: number;
  beforeEach(async () => {
    bed = await callBed();
    bed.at(0);
    callId = await startTestCall(bed.learner);
    bed.at(5);
    greetingAt = await choiceReading(bed.learner, callId, MINI_LINES.greeting);
    await postTurn(bed.learner, callId, { turn: 0, choice: greetingAt }).then((r) => expect(r.status).to.equal(303));
    registration = (await storedCall(bed.t, callId)).registration;
  });
  afterEach(() => bed.close());

  /** Runs a tampered request and checks that it left no trace. */
  async function refusedWithoutTrace(send: () => Promise<{ status: number; text: string }>, status: number, message: string): Promise<void> {
    const before = await storedCall(bed.t, callId);
    const statementsBefore = await statementsOf(bed.t, registration);
    const res = await send();
    expect(res.status).to.equal(status);
    expect(page(res.text)('main').text()).to.contain(message);
    expect(await storedCall(bed.t, callId)).to.deep.equal(before);
    expect((await statementsOf(bed.t, registration)).map((s) => s.id)).to.deep.equal(statementsBefore.map((s) => s.id));
  }

  it('refuses a choice that is not offered at this node', async () => {
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1, choice: 7 }), 400, 'Cette réponse n’est pas proposée à ce moment de l’appel');
  });

  it('refuses a choice that needs a look-up first', async () => {
    const answer = await choiceReading(bed.learner, callId, MINI_LINES.answer);
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1, choice: answer }), 400, 'Consultez d’abord la fiche client');
  });

  it('refuses a free response where choices are expected, and an unknown record field', async () => {
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1, response: 'Bonjour madame' }), 400, 'Ce type de réponse n’est pas attendu');
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1, action: 'lookup', field: 'nom' }), 400, 'Ce champ n’existe pas dans la fiche client');
  });

  it('refuses a replayed old turn (stale turn index), in French and in English', async () => {
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 0, choice: 1 - greetingAt }), 409, 'Cette réponse correspond à un moment de l’appel déjà passé');
    await bed.learner.get('/learner/calls?lang=en').expect(200);
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 0, choice: 1 - greetingAt }), 409, 'This answer belongs to a moment of the call that has passed');
  });

  it('answers a retried line (same turn, same position on screen) like the first post, and stores nothing new', async () => {
    const before = await storedCall(bed.t, callId);
    const statementsBefore = await statementsOf(bed.t, registration);
    const retry = await postTurn(bed.learner, callId, { turn: 0, choice: greetingAt });
    expect(retry.status).to.equal(303);
    expect(retry.headers.location).to.equal(`/learner/calls/${callId}`);
    expect(await storedCall(bed.t, callId)).to.deep.equal(before);
    expect((await statementsOf(bed.t, registration)).map((s) => s.id)).to.deep.equal(statementsBefore.map((s) => s.id));
    const state = JSON.parse(before.state_json) as { transcript: Array<{ kind: string; answer?: { text: string } }> };
    expect(state.transcript.filter((e) => e.kind === 'learner').map((e) => e.answer?.text)).to.deep.equal([MINI_LINES.greeting]);
  });

  it('refuses a tampered position (one past the last line, negative) in French and English, storing nothing', async () => {
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1, choice: 2 }), 400, 'Cette réponse n’est pas proposée à ce moment de l’appel');
    await bed.learner.get('/learner/calls?lang=en').expect(200);
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1, choice: 2 }), 400, 'This answer is not offered at this moment of the call');
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1, choice: -1 }), 400, 'Your answer could not be read');
  });

  it('refuses malformed input without a 500', async () => {
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 'un', choice: 0 }), 400, 'Votre réponse n’a pas pu être lue');
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1 }), 400, 'Votre réponse n’a pas pu être lue');
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1, action: 'teleport' }), 400, 'Votre réponse n’a pas pu être lue');
  });

  it("refuses a post to another learner's call, and hides its pages and audio", async () => {
    await refusedWithoutTrace(() => postTurn(bed.other, callId, { turn: 1, action: 'hold' }), 403, 'Cet appel est celui d’un autre stagiaire');
    await bed.other.get(`/learner/calls/${callId}`).expect(403);
    await bed.other.get(`/learner/calls/${callId}/debrief`).expect(403);
    await bed.other.get(`/learner/calls/${callId}/abandon`).expect(403);
    const csrf = await csrfFrom(bed.other, '/learner/calls');
    await refusedWithoutTrace(() => bed.other.post(`/learner/calls/${callId}/abandon`).type('form').send({ _csrf: csrf }), 403, 'Cet appel est celui d’un autre stagiaire');
    expect(page((await bed.other.get('/learner/calls').expect(200)).text)('tbody tr').text()).to.not.contain('Appel de test');
  });

  it('refuses a post without the CSRF token', async () => {
    await refusedWithoutTrace(() => bed.learner.post(`/learner/calls/${callId}/turn`).type('form').send({ turn: '1', action: 'hold' }), 403, '');
  });

  it('refuses to start a call in a module that is not assigned, and stores no call', async () => {
    await createUser(bed.t.ctx, 'learner', 'stagiaire-c');
    const outsider = await loginAs(bed.t.app, 'stagiaire-c');
    const intro = await outsider.get(`/learner/calls/start?module=${MODULE_ID}&item=${ITEM_ID}`);
    expect(intro.status).to.equal(403);
    expect(page(intro.text)('main').text()).to.contain('Ce module ne vous est pas attribué');
    const csrf = await csrfFrom(outsider, '/learner/calls');
    const res = await outsider.post('/learner/calls/start').type('form').send({ _csrf: csrf, module: MODULE_ID, item: ITEM_ID });
    expect(res.status).to.equal(403);
    const rows = await bed.t.ctx.database.db.selectFrom('roleplay_calls').select('id').execute();
    expect(rows).to.have.length(1);
    const unknown = await outsider.post('/learner/calls/start').type('form').send({ _csrf: csrf, module: 'inexistant', item: ITEM_ID });
    expect(unknown.status).to.equal(404);
  });

  it('refuses to go on once the module is no longer assigned', async () => {
    await bed.t.ctx.database.db.deleteFrom('cohort_modules').execute();
    await refusedWithoutTrace(() => postTurn(bed.learner, callId, { turn: 1, action: 'hold' }), 403, 'Ce module ne vous est pas attribué');
  });
});

describe('call player: two posts of the same turn at once', function () {
  // Each test builds a fresh app, imports a module and logs two learners in: slow on a busy machine.
  this.timeout(60_000);
  it('applies exactly one of them and stores exactly one statement for the turn', async () => {
    const bed = await callBed();
    try {
      bed.at(0);
      const callId = await startTestCall(bed.learner);
      const { registration } = await storedCall(bed.t, callId);
      bed.at(5);
      const results = await Promise.all([postTurn(bed.learner, callId, { turn: 0, choice: 0 }), postTurn(bed.learner, callId, { turn: 0, choice: 1 })]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).to.deep.equal([303, 409]);
      const statements = await statementsOf(bed.t, registration);
      const stored = await storedCall(bed.t, callId);
      const state = JSON.parse(stored.state_json) as { turn: number; transcript: Array<{ kind: string; answer?: { text: string } }> };
      expect(state.turn).to.equal(1);
      const said = state.transcript.filter((e) => e.kind === 'learner').map((e) => e.answer?.text);
      expect(said).to.have.length(1);
      // The one statement of the turn is the one whose answer the stored state kept.
      const turnStatements = statements.filter((s) => (s.context as { extensions: Record<string, unknown> }).extensions[EXTENSIONS.turn] === 0);
      expect(turnStatements).to.have.length(1);
      expect((turnStatements[0].result as { extensions: Record<string, unknown> }).extensions[EXTENSIONS.transcriptText]).to.equal(said[0]);
    } finally {
      await bed.close();
    }
  });
});
