import { expect } from 'chai';
import type { Statement } from '../../src/lrs/index.ts';
import { VERBS } from '../../src/server/xapi/vocabulary.ts';
import { createUser, csrfFrom, loginAs } from '../helpers/app.ts';
import { MINI_LINES } from '../roleplay/helpers.ts';
import { callBed, choiceReading, ITEM_ID, MODULE_ID, postTurn, startTestCall, statementsOf, storedCall, type CallBed } from '../calls/support.ts';
import { inParallel } from '../helpers/parallel.ts';
import { anyTable } from '../helpers/database.ts';

const PARALLEL = 20;
const verbOf = (s: Statement) => (s.verb as { id: string }).id;

async function countRows(bed: CallBed, table: 'roleplay_calls' | 'users' | 'lrs_statement', where?: [string, string]): Promise<number> {
  let query = anyTable(bed.t.ctx.database).selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  if (where) query = query.where(where[0], '=', where[1]);
  const row = (await query.executeTakeFirstOrThrow()) as { n: number | string | bigint };
  return Number(row.n);
}


describe('one unit of work per action: 20 parallel posts give exactly one effect', function () {
  this.timeout(120_000);
  let bed: CallBed;
  beforeEach(async () => {
    bed = await callBed();
    bed.at(0);
  });
  afterEach(() => bed.close());

  it('starts one call, with one "initialized" statement, whatever the number of parallel starts', async () => {
    const csrf = await csrfFrom(bed.learner, `/learner/calls/start?module=${MODULE_ID}&item=${ITEM_ID}`);
    const before = await countRows(bed, 'lrs_statement');
    const results = await inParallel(PARALLEL, () => bed.learner.post('/learner/calls/start').type('form').send({ _csrf: csrf, module: MODULE_ID, item: ITEM_ID }));
    expect(results.map((r) => r.status)).to.deep.equal(Array(PARALLEL).fill(303));
    expect(new Set(results.map((r) => r.headers.location)).size).to.equal(1);
    expect(await countRows(bed, 'roleplay_calls', ['user_id', bed.learnerId])).to.equal(1);
    expect(await countRows(bed, 'lrs_statement')).to.equal(before + 1);
    const callId = String(results[0].headers.location).split('/').pop() as string;
    const statements = await statementsOf(bed.t, (await storedCall(bed.t, callId)).registration);
    expect(statements.map(verbOf)).to.deep.equal([VERBS.initialized.id]);
  });

  it('plays one turn once: the same choice posted 20 times is one turn, one statement, and every post answers like the first', async () => {
    const callId = await startTestCall(bed.learner);
    const { registration } = await storedCall(bed.t, callId);
    bed.at(5);
    // The greeting (the other line makes the customer hang up), wherever this call shows it.
    const greeting = await choiceReading(bed.learner, callId, MINI_LINES.greeting);
    const before = await countRows(bed, 'lrs_statement');
    const results = await inParallel(PARALLEL, () => postTurn(bed.learner, callId, { turn: 0, choice: greeting }));
    expect(results.map((r) => r.status)).to.deep.equal(Array(PARALLEL).fill(303));
    expect(new Set(results.map((r) => r.headers.location))).to.deep.equal(new Set([`/learner/calls/${callId}`]));
    const stored = await storedCall(bed.t, callId);
    const state = JSON.parse(stored.state_json) as { turn: number; transcript: Array<{ kind: string }> };
    expect(state.turn).to.equal(1);
    expect(state.transcript.filter((e) => e.kind === 'learner')).to.have.length(1);
    expect(await countRows(bed, 'lrs_statement')).to.equal(before + 1);
    expect((await statementsOf(bed.t, registration)).filter((s) => verbOf(s) === VERBS.answered.id)).to.have.length(1);
  });

  it('answers a retry of a committed turn as the first post did, and a different choice for it with the 409 message', async () => {
    const callId = await startTestCall(bed.learner);
    bed.at(5);
    const greeting = await choiceReading(bed.learner, callId, MINI_LINES.greeting);
    const first = await postTurn(bed.learner, callId, { turn: 0, choice: greeting });
    expect(first.status).to.equal(303);
    const before = await countRows(bed, 'lrs_statement');
    const retry = await postTurn(bed.learner, callId, { turn: 0, choice: greeting });
    expect(retry.status).to.equal(303);
    expect(retry.headers.location).to.equal(first.headers.location);
    const other = await postTurn(bed.learner, callId, { turn: 0, choice: 1 - greeting });
    expect(other.status).to.equal(409);
    expect(other.text).to.contain('Cette réponse correspond à un moment de l’appel déjà passé');
    expect(await countRows(bed, 'lrs_statement')).to.equal(before);
  });

  it('creates one account when the same login is posted 20 times at once; the others get the translated "login already used"', async () => {
    await createUser(bed.t.ctx, 'admin', 'admin-paralleles');
    const admin = await loginAs(bed.t.app, 'admin-paralleles');
    const csrf = await csrfFrom(admin, '/admin/users/new');
    const results = await inParallel(PARALLEL, () => admin.post('/admin/users').type('form').send({ _csrf: csrf, login: 'meme.login', displayName: 'Même Personne', role: 'learner' }));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).to.deep.equal([201, ...Array(PARALLEL - 1).fill(409)]);
    for (const refused of results.filter((r) => r.status === 409)) expect(refused.text).to.contain('Cet identifiant est déjà utilisé');
    expect(await countRows(bed, 'users', ['login', 'meme.login'])).to.equal(1);
  });
});
