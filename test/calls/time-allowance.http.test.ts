/*
 * Issue 14, "time that fits the reader": a turn's time starts when the customer's audio has
 * finished (the server measures each line's WAV), and a trainer's "temps adapté" (× 1.5, × 2,
 * no limit) stretches it. Everything is decided by the server clock, so it holds without JS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type request from 'supertest';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { synthesizedAudioPath } from '../../src/server/roleplay/voices/line-audio.ts';
import { VERBS } from '../../src/server/xapi/vocabulary.ts';
import type { Statement } from '../../src/lrs/index.ts';
import { fixtureText, loadMini, MINI_LINES } from '../roleplay/helpers.ts';
import { createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../helpers/app.ts';
import { assignModule, MODULE_ID, page, postTurn, say, START, startTestCall, statementsOf, storedCall, writeCallLibrary } from './support.ts';

/** 8-bit mono WAV at 8 000 Hz lasting exactly `seconds`: the customer's first line. */
function wavOf(seconds: number): Buffer {
  const data = Buffer.alloc(8000 * seconds, 128);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

// The first turn's silence (20 s) hangs up: without "no limit", a slow reader loses the call.
const HANGS_UP = fixtureText('mini').replace('timeLimit: { seconds: 20, say: Allô ? Vous êtes là ?, mood: -10, points: 1 }', 'timeLimit: { seconds: 20, say: Allô ? Vous êtes là ?, mood: -10, points: 1, next: raccroche }');

const verbOf = (s: Statement) => (s.verb as { id: string }).id;

describe('calls: time that fits the reader (HTTP, real database)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let root: string;
  let trainer: request.Agent;
  const learners: Record<string, { id: string; agent: request.Agent }> = {};
  const at = (seconds: number) => t.clock.set(new Date(START.getTime() + seconds * 1000));
  const setAllowance = async (login: string, allowance: string, as = trainer) =>
    as.post(`/trainer/learners/${learners[login].id}/time-allowance`).type('form').send({ _csrf: await csrfFrom(as, `/trainer/learners/${learners[login].id}`), allowance });
  const state = async (callId: string) => JSON.parse((await storedCall(t, callId)).state_json) as { turnStartedAt: number; timeFactor?: number | null; audioMs?: Record<string, number>; transcript: Array<{ kind: string }> };

  beforeEach(async () => {
    t = await createTestApp();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-time-'));
    writeCallLibrary(root, HANGS_UP);
    // The customer's first line plays for 3 s: the learner's 20 s start after it.
    const wav = path.join(root, MODULE_ID, synthesizedAudioPath(loadMini().persona.voice, "Bonjour, j'appelle pour ma commande."));
    fs.writeFileSync(wav, wavOf(3));
    const report = await importCourseLibrary(t.ctx.database.db, root, t.clock.now);
    expect(report.errors).to.deep.equal([]);
    for (const login of ['lecteur', 'double', 'libre']) {
      const user = await createUser(t.ctx, 'learner', login);
      await assignModule(t, user.id);
      learners[login] = { id: user.id, agent: await loginAs(t.app, login) };
    }
    const trainerUser = await createUser(t.ctx, 'trainer', 'formatrice');
    for (const login of Object.keys(learners)) {
      const [cohort] = await t.ctx.repositories.cohorts.cohortsOf(learners[login].id);
      await t.ctx.repositories.cohorts.addMember(cohort.id, trainerUser.id, 'trainer');
    }
    trainer = await loginAs(t.app, 'formatrice');
    at(0);
  });
  afterEach(async () => {
    fs.rmSync(root, { recursive: true, force: true });
    await t.close();
  });

  it('starts the turn time after the customer has spoken: the stored turn start is 3 s after pick-up', async () => {
    const callId = await startTestCall(learners.lecteur.agent);
    const stored = await state(callId);
    expect(stored.turnStartedAt).to.equal(START.getTime() + 3000);
    expect(stored.audioMs).to.deep.equal({ bonjour: 3000 });
    expect(stored.timeFactor).to.equal(1);
    const $ = page((await learners.lecteur.agent.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('.call-deadline').attr('data-deadline-seconds')).to.equal('23');
    expect($('.call-deadline').text()).to.contain('20 secondes').and.contain('fin de la voix du client');
    expect($('.call-allowance')).to.have.length(0);
    // 21 s after pick-up is only 18 s after the voice: not timed out yet.
    at(21);
    const early = await postTurn(learners.lecteur.agent, callId, { turn: 0, action: 'timeout' });
    expect(early.status).to.equal(409);
    at(23.5);
    await postTurn(learners.lecteur.agent, callId, { turn: 0, action: 'timeout' }).then((r) => expect(r.status).to.equal(303));
    expect((await storedCall(t, callId)).status).to.equal('completed');
  });

  it('gives a "× 2" learner twice the time: the answer at 35 s is on time for them and too late for a standard reader', async () => {
    const saved = await setAllowance('double', 'x2');
    expect(saved.status).to.equal(303);
    const row = await t.ctx.database.db.selectFrom('learner_time_allowances').selectAll().where('user_id', '=', learners.double.id).executeTakeFirstOrThrow();
    expect(row.allowance).to.equal('x2');
    const audit = await t.ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'time_allowance_changed').execute();
    expect(audit.map((a) => [a.subject, a.details])).to.deep.equal([[learners.double.id, 'standard -> x2']]);
    const trainerPage = page((await trainer.get(`/trainer/learners/${learners.double.id}?allowance=x2`).expect(200)).text);
    expect(trainerPage('#f-allowance option[selected]').attr('value')).to.equal('x2');
    expect(trainerPage('#time-allowance [role=status]').text()).to.contain('temps × 2');

    const doubled = await startTestCall(learners.double.agent);
    const standard = await startTestCall(learners.lecteur.agent);
    expect((await state(doubled)).timeFactor).to.equal(2);
    const $ = page((await learners.double.agent.get(`/learner/calls/${doubled}`).expect(200)).text);
    expect($('.call-deadline').attr('data-deadline-seconds')).to.equal('43');
    expect($('.call-deadline').text()).to.contain('40 secondes');
    expect($('.call-allowance').text()).to.contain('Temps adapté pour vous : temps × 2.');

    at(35);
    await say(learners.double.agent, doubled, 0, MINI_LINES.greeting).then((r) => expect(r.headers.location).to.equal(`/learner/calls/${doubled}`));
    expect((await storedCall(t, doubled)).status).to.equal('in_progress');
    const doubledTurns = (await statementsOf(t, (await storedCall(t, doubled)).registration)).filter((s) => verbOf(s) === VERBS.answered.id);
    expect(doubledTurns).to.have.length(1);
    expect((doubledTurns[0].result as { response: string }).response).to.not.equal('');
    expect((await state(doubled)).transcript.some((e) => e.kind === 'timeout')).to.equal(false);

    // The standard reader at the same moment: the silence already hung up.
    const page2 = await learners.lecteur.agent.get(`/learner/calls/${standard}`);
    expect(page2.status).to.equal(303);
    expect((await storedCall(t, standard)).status).to.equal('completed');
    expect((await state(standard)).transcript.filter((e) => e.kind === 'timeout')).to.have.length(1);
  });

  it('never times out a "no limit" learner: no deadline, the page-timer post is refused, no hang-up ten minutes later', async () => {
    await setAllowance('libre', 'unlimited').then((r) => expect(r.status).to.equal(303));
    const callId = await startTestCall(learners.libre.agent);
    expect((await state(callId)).timeFactor).to.equal(null);
    let $ = page((await learners.libre.agent.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('.call-deadline')).to.have.length(0);
    expect($('.call-allowance').text()).to.contain('sans limite de temps');
    at(600);
    const timeout = await postTurn(learners.libre.agent, callId, { turn: 0, action: 'timeout' });
    expect(timeout.status).to.equal(400);
    expect(page(timeout.text)('#call-error').text()).to.contain('pas de temps limité');
    $ = page((await learners.libre.agent.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('button[name=choice]')).to.have.length(2);
    await say(learners.libre.agent, callId, 0, MINI_LINES.greeting).then((r) => expect(r.status).to.equal(303));
    const stored = await state(callId);
    expect(stored.transcript.some((e) => e.kind === 'timeout')).to.equal(false);
    expect((await storedCall(t, callId)).status).to.equal('in_progress');
  });

  it('keeps the allowance a call started with; a change applies from the next call', async () => {
    const callId = await startTestCall(learners.lecteur.agent);
    await setAllowance('lecteur', 'unlimited');
    expect((await state(callId)).timeFactor).to.equal(1);
    at(30);
    await learners.lecteur.agent.get(`/learner/calls/${callId}`).expect(303);
    expect((await storedCall(t, callId)).status).to.equal('completed');
  });

  it('refuses a tampered allowance or another trainer\'s learner, in French or English, and stores nothing', async () => {
    const bad = await setAllowance('double', 'x10');
    expect(bad.status).to.equal(400);
    expect(page(bad.text)('main').text()).to.contain('Choisissez un temps dans la liste');
    const english = await trainer.post(`/trainer/learners/${learners.double.id}/time-allowance?lang=en`).type('form')
      .send({ _csrf: await csrfFrom(trainer, `/trainer/learners/${learners.double.id}`), allowance: ['x2', 'unlimited'] });
    expect(english.status).to.equal(400);
    expect(page(english.text)('main').text()).to.contain('Choose a time from the list');
    await createUser(t.ctx, 'trainer', 'autre');
    const stranger = await loginAs(t.app, 'autre');
    const csrf = await csrfFrom(stranger, '/trainer');
    const refused = await stranger.post(`/trainer/learners/${learners.double.id}/time-allowance`).type('form').send({ _csrf: csrf, allowance: 'x2' });
    expect(refused.status).to.equal(403);
    const learnerTry = await learners.double.agent.post(`/trainer/learners/${learners.double.id}/time-allowance`).type('form')
      .send({ _csrf: await csrfFrom(learners.double.agent, '/learner/calls'), allowance: 'unlimited' });
    expect(learnerTry.status).to.equal(403);
    expect(await t.ctx.database.db.selectFrom('learner_time_allowances').selectAll().execute()).to.deep.equal([]);
    expect(await t.ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'time_allowance_changed').execute()).to.deep.equal([]);
  });
});
