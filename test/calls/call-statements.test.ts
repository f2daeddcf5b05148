import { expect } from 'chai';
import { applyAction, applyChoice, applyFreeResponse, applyTimeout, startCall, type CallState, type Step } from '../../src/server/roleplay/engine/index.ts';
import { abandonedStatement, stepStatements, type CallIdentity } from '../../src/server/calls/call-statements.ts';
import { callTranscript } from '../../src/server/calls/call-transcript.ts';
import { transcriptFromStatements } from '../../src/server/calls/transcript-from-statements.ts';
import { EXTENSIONS, VERBS } from '../../src/server/xapi/vocabulary.ts';
import type { JsonObject } from '../../src/lrs/types.ts';
import { loadMini, MINI_LINES, positionOf } from '../roleplay/helpers.ts';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../helpers/app.ts';

const T0 = Date.parse('2026-11-26T10:00:00.000Z');
const scenario = loadMini();
const identity = (registration: string): CallIdentity => ({
  baseUrl: TEST_BASE_URL,
  userId: 'learner-1',
  moduleId: 'essai',
  moduleTitle: "Module d'essai",
  item: { id: 'appel', title: 'Appel de test', competencies: ['CCP1.1', 'T2'], scenario },
  contentHash: 'a'.repeat(64),
  registration,
});

/** Plays steps, collecting the statements each step produces. */
function play(call: CallIdentity, moves: Array<(s: CallState) => Step>): { state: CallState; statements: JsonObject[] } {
  // Seeded like the call player's calls: the lines of each turn are shuffled.
  let state = startCall(scenario, T0, call.registration);
  const statements: JsonObject[] = [];
  for (const move of moves) {
    const step = move(state);
    if (!step.ok) throw new Error(step.rejection.message);
    statements.push(...stepStatements(call, state, step.state));
    state = step.state;
  }
  return { state, statements };
}

describe('call statements and transcriptFromStatements', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('stores one valid statement per turn plus the closing one, and rebuilds the engine transcript from them', async () => {
    const registration = '0190a3b4-7c1d-7e2f-8a3b-4c5d6e7f8091';
    const call = identity(registration);
    const { state, statements } = play(call, [
      (s) => applyTimeout(scenario, s, { turn: s.turn }, T0 + 21_000),
      (s) => applyChoice(scenario, s, { turn: s.turn, choice: positionOf(scenario, s, MINI_LINES.greeting) }, T0 + 25_000),
      (s) => applyAction(scenario, s, { turn: s.turn, type: 'lookup', field: 'livraison' }, T0 + 30_000),
      (s) => applyChoice(scenario, s, { turn: s.turn, choice: positionOf(scenario, s, MINI_LINES.answer) }, T0 + 40_000),
      (s) => applyFreeResponse(scenario, s, { turn: s.turn, text: 'Je vous confirme, madame, que votre colis sera livré le 12 mars, merci.' }, T0 + 70_000),
    ]);
    expect(state.ended?.kind).to.equal('resolved');
    // silence, greeting, look-up, answer, free response, closing
    expect(statements).to.have.length(6);

    await t.ctx.lrs.service.storeStatements(statements);
    const stored = (await t.ctx.lrs.service.queryStatements({ registration, limit: 100 })).statements;
    expect(stored).to.have.length(6);
    const verbs = stored.map((s) => (s.verb as { id: string }).id).sort();
    expect(verbs).to.deep.equal([VERBS.answered.id, VERBS.answered.id, VERBS.answered.id, VERBS.answered.id, VERBS.interacted.id, VERBS.passed.id].sort());

    const rebuilt = transcriptFromStatements(stored);
    expect(rebuilt).to.deep.equal(callTranscript(state, null, scenario));
    expect(rebuilt.turns.map((turn) => turn.kind)).to.deep.equal(['silence', 'say', 'lookup', 'say', 'free']);
    expect(rebuilt.turns[1].customer).to.equal('Allô ? Vous êtes là ?');
    expect(rebuilt.end?.customer).to.equal('Merci, au revoir !');

    const closing = stored.find((s) => (s.verb as { id: string }).id === VERBS.passed.id) as JsonObject;
    const result = closing.result as JsonObject;
    const ext = result.extensions as JsonObject;
    expect(ext[EXTENSIONS.outcome]).to.equal('resolved');
    expect(ext[EXTENSIONS.indicators]).to.deep.equal({ ahtSeconds: 70, targetSeconds: 120, fcr: true, csat: state.mood >= 80 ? 5 : 1 + Math.floor(state.mood / 20) });
    expect(result.duration).to.equal('PT70S');
    expect(Object.keys(ext[EXTENSIONS.phaseScores] as JsonObject)).to.include.members(['accueil', 'traitement', 'reformulation']);
  });

  it('is idempotent: the same step stored twice adds nothing; abandon is recorded as abandoned', async () => {
    const registration = '0190a3b4-7c1d-7e2f-8a3b-4c5d6e7f8092';
    const call = identity(registration);
    const { state, statements } = play(call, [(s) => applyChoice(scenario, s, { turn: s.turn, choice: positionOf(scenario, s, MINI_LINES.greeting) }, T0 + 5_000)]);
    expect(state.ended).to.equal(null);
    await t.ctx.lrs.service.storeStatements(statements);
    await t.ctx.lrs.service.storeStatements(statements);
    await t.ctx.lrs.service.storeStatements([abandonedStatement(call, state, T0 + 9_000)]);
    const stored = (await t.ctx.lrs.service.queryStatements({ registration, limit: 100 })).statements;
    expect(stored).to.have.length(2);
    const rebuilt = transcriptFromStatements(stored);
    expect(rebuilt).to.deep.equal(callTranscript(state, T0 + 9_000, scenario));
    expect(rebuilt.end?.outcome).to.equal('abandoned');
  });
});
