/**
 * The learner's voice in calls (issue 14), over HTTP on the real app: the consent page, a turn
 * posted with its recording (as call.js sends it: multipart, token in the X-CSRF-Token header),
 * the recording as an attachment of the turn's statement read through /xapi, and its removal on
 * withdrawal and by the retention purge (rows and attachments).
 */
import crypto from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import { anyTable } from '../helpers/database.ts';
import { createUser, csrfFrom, loginAs } from '../helpers/app.ts';
import { runCommand } from '../certificates/run-command.ts';
import { MINI_LINES } from '../roleplay/helpers.ts';
import { callBed, choiceReading, page, startTestCall, statementsOf, storedCall, type CallBed } from './support.ts';

/** The start of a WebM file (EBML magic) and some bytes: what the server checks of a recording. */
const recordingBytes = (seed: string) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from(`webm-${seed}-`.repeat(20))]);
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const VOICE_USAGE = 'http://id.tremplin.example/attachment/voice';

async function sayAloud(agent: request.Agent, callId: string, choice: number, recording: Buffer, durationMs = '2400'): Promise<request.Response> {
  const csrf = await csrfFrom(agent, `/learner/calls/${callId}`);
  return agent
    .post(`/learner/calls/${callId}/turn`)
    .set('X-CSRF-Token', csrf)
    .field('_csrf', csrf)
    .field('turn', '0')
    .field('choice', String(choice))
    .field('recordingMs', durationMs)
    .attach('recording', recording, { filename: 'reponse.webm', contentType: 'audio/webm' });
}

describe('voice: consent, recordings with their turn, withdrawal and retention (HTTP)', function () {
  this.timeout(90_000);
  let bed: CallBed;
  let auth: string;
  const rows = (userId: string) => anyTable(bed.t.ctx.database).selectFrom('voice_recordings').selectAll().where('user_id', '=', userId).execute();
  const attachmentRows = (sha2: string) => anyTable(bed.t.ctx.database).selectFrom('lrs_attachment').select('sha2').where('sha2', '=', sha2).execute();
  const xapiWithAttachments = async (registration: string) =>
    (
      await request(bed.t.app)
        .get('/xapi/statements')
        .query({ registration, attachments: 'true' })
        .set('X-Experience-API-Version', '2.0.0')
        .set('Authorization', auth)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
  const consent = async (agent: request.Agent) => {
    const csrf = await csrfFrom(agent, '/learner/voice');
    await agent.post('/learner/voice/consent').type('form').send({ _csrf: csrf }).expect(303);
  };
  const greetingChoice = (agent: request.Agent, callId: string) => choiceReading(agent, callId, MINI_LINES.greeting);

  beforeEach(async () => {
    bed = await callBed();
    bed.at(0);
    const { key, secret } = await bed.t.ctx.lrs.credentials.create({ name: 'voice-test', scopes: ['all'] });
    auth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  });
  afterEach(() => bed.close());

  it('says who listens, for how long and how to withdraw, in French; nothing is offered in a call before consent', async () => {
    const $ = page((await bed.learner.get('/learner/voice').expect(200)).text);
    const text = $('main').text();
    expect(text).to.contain('Seul votre formateur écoute vos enregistrements.');
    expect(text).to.contain('Chaque enregistrement est gardé 90 jours.');
    expect(text).to.contain('Vous pouvez retirer votre accord quand vous voulez.');
    expect(text).to.contain('Les partenaires et les employeurs ne les entendent jamais.');
    const callId = await startTestCall(bed.learner);
    bed.at(4);
    const player = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
    expect(player('[data-voice]')).to.have.length(0);
    expect(player('.call-voice-offer a').attr('href')).to.equal('/learner/voice');
  });

  it('without consent, a turn posted with a recording is played but nothing is recorded', async () => {
    const callId = await startTestCall(bed.learner);
    bed.at(4);
    const res = await sayAloud(bed.learner, callId, await greetingChoice(bed.learner, callId), recordingBytes('a'));
    expect(res.status).to.equal(303);
    const { registration, revision } = await storedCall(bed.t, callId);
    expect(revision).to.be.greaterThan(1);
    expect(await rows(bed.learnerId)).to.deep.equal([]);
    const statements = await statementsOf(bed.t, registration);
    expect(statements.filter((s) => Array.isArray(s.attachments))).to.deep.equal([]);
  });

  it('with consent, the recording is stored as the attachment of its turn statement, readable with attachments=true; the learner and only they hear it', async () => {
    await consent(bed.learner);
    const callId = await startTestCall(bed.learner);
    bed.at(4);
    const player = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
    expect(player('[data-voice]').attr('hidden')).to.equal('hidden');
    expect(player('[data-voice-record]').text()).to.contain('Dire ma réponse');
    const recording = recordingBytes('b');
    expect((await sayAloud(bed.learner, callId, await greetingChoice(bed.learner, callId), recording)).status).to.equal(303);

    const { registration } = await storedCall(bed.t, callId);
    const [row] = await rows(bed.learnerId);
    expect(row).to.include({ registration, turn: 0, sha2: sha256(recording), content_type: 'audio/webm', bytes: recording.length });
    expect(Number(row.duration_ms)).to.equal(2400);
    const answered = (await statementsOf(bed.t, registration)).find((s) => s.id === row.statement_id);
    expect((answered?.result as { response?: string } | undefined)?.response).to.match(/^choix-\d$/);
    expect(answered?.attachments).to.deep.equal([
      { usageType: VOICE_USAGE, display: { 'fr-FR': 'Réponse dite à voix haute', 'en-US': 'Answer said aloud' }, contentType: 'audio/webm', length: recording.length, sha2: sha256(recording) },
    ]);
    const body = await xapiWithAttachments(registration);
    expect(body.toString('latin1')).to.contain(`X-Experience-API-Hash: ${sha256(recording)}`);
    expect(body.includes(recording)).to.equal(true);

    const own = await bed.learner.get(`/learner/voice/recordings/${row.id}`).buffer(true).expect(200);
    expect(own.headers['content-type']).to.match(/^audio\/webm/);
    expect(Buffer.compare(own.body as Buffer, recording)).to.equal(0);
    await bed.other.get(`/learner/voice/recordings/${row.id}`).expect(404);

    // The learner's trainer hears it on the call review, beside the transcript; another trainer does not.
    const claire = await createUser(bed.t.ctx, 'trainer', 'claire');
    const [cohort] = await bed.t.ctx.repositories.cohorts.cohortsOf(bed.learnerId);
    await bed.t.ctx.repositories.cohorts.addMember(cohort.id, claire.id, 'trainer');
    await createUser(bed.t.ctx, 'trainer', 'marc');
    const trainer = await loginAs(bed.t.app, 'claire');
    const review = page((await trainer.get(`/trainer/calls/${registration}`).expect(200)).text);
    expect(review('audio.learner-voice').attr('src')).to.equal(`/trainer/calls/${registration}/recordings/${row.id}`);
    expect(review('.voice-duration').text()).to.equal('durée 2 s');
    const heard = await trainer.get(`/trainer/calls/${registration}/recordings/${row.id}`).buffer(true).expect(200);
    expect(Buffer.compare(heard.body as Buffer, recording)).to.equal(0);
    const stranger = await loginAs(bed.t.app, 'marc');
    const refused = await stranger.get(`/trainer/calls/${registration}/recordings/${row.id}`);
    expect(refused.status).to.equal(403);
    expect(refused.body).to.not.deep.equal(recording);
  });

  it('refuses a file that is not a WebM recording with a translated message, and stores nothing', async () => {
    await consent(bed.learner);
    const callId = await startTestCall(bed.learner);
    bed.at(4);
    const before = await storedCall(bed.t, callId);
    const res = await sayAloud(bed.learner, callId, await greetingChoice(bed.learner, callId), Buffer.from('RIFF....WAVEfmt not a webm file at all'));
    expect(res.status).to.equal(400);
    expect(page(res.text)('#call-error').text()).to.contain('L’enregistrement n’a pas pu être lu.');
    const bad = await sayAloud(bed.learner, callId, await greetingChoice(bed.learner, callId), recordingBytes('c'), 'abc');
    expect(bad.status).to.equal(400);
    expect((await storedCall(bed.t, callId)).revision).to.equal(before.revision);
    expect(await rows(bed.learnerId)).to.deep.equal([]);
  });

  it('withdrawing consent removes the consent, the rows and the attachments; the statement stays without its part', async () => {
    await consent(bed.learner);
    const callId = await startTestCall(bed.learner);
    bed.at(4);
    const recording = recordingBytes('d');
    expect((await sayAloud(bed.learner, callId, await greetingChoice(bed.learner, callId), recording)).status).to.equal(303);
    const { registration } = await storedCall(bed.t, callId);
    const [row] = await rows(bed.learnerId);
    expect(await attachmentRows(sha256(recording))).to.have.length(1);

    const csrf = await csrfFrom(bed.learner, '/learner/voice');
    const res = await bed.learner.post('/learner/voice/withdraw').type('form').send({ _csrf: csrf }).expect(303);
    expect(res.headers.location).to.equal('/learner/voice?withdrawn=1');
    expect(page((await bed.learner.get(res.headers.location).expect(200)).text)('[role=status]').text()).to.contain('1 enregistrement(s) effacé(s)');
    expect(await rows(bed.learnerId)).to.deep.equal([]);
    expect(await attachmentRows(sha256(recording))).to.deep.equal([]);
    expect(await anyTable(bed.t.ctx.database).selectFrom('voice_consents').selectAll().where('user_id', '=', bed.learnerId).execute()).to.deep.equal([]);
    const body = await xapiWithAttachments(registration);
    expect(body.includes(recording)).to.equal(false);
    await bed.learner.get(`/learner/voice/recordings/${row.id}`).expect(404);
    // A second withdrawal removes nothing more and does not fail.
    const again = await bed.learner.post('/learner/voice/withdraw').type('form').send({ _csrf: await csrfFrom(bed.learner, '/learner/voice') }).expect(303);
    expect(again.headers.location).to.equal('/learner/voice?withdrawn=0');
  });

  it('the purge command removes recordings older than VOICE_RETENTION_DAYS (rows and attachments), and keeps newer ones', async () => {
    await consent(bed.learner);
    await consent(bed.other);
    const oldCall = await startTestCall(bed.learner);
    bed.at(4);
    const old = recordingBytes('old');
    expect((await sayAloud(bed.learner, oldCall, await greetingChoice(bed.learner, oldCall), old)).status).to.equal(303);
    const newCall = await startTestCall(bed.other);
    const recent = recordingBytes('recent');
    expect((await sayAloud(bed.other, newCall, await greetingChoice(bed.other, newCall), recent)).status).to.equal(303);
    // The first recording is made 91 days old (sessions do not survive moving the app's clock by months).
    await anyTable(bed.t.ctx.database).updateTable('voice_recordings').set({ recorded_at: '2026-08-27T09:00:04.000Z' }).where('user_id', '=', bed.learnerId).execute();
    const dry = await runCommand('purge', { 'older-than': '3650', 'dry-run': true }, [], bed.t.ctx);
    expect(dry.out).to.contain('(90 jours) : 1.');
    expect(await rows(bed.learnerId)).to.have.length(1);
    const { code, out } = await runCommand('purge', { 'older-than': '3650' }, [], bed.t.ctx);
    expect(code).to.equal(0);
    expect(out).to.contain('Enregistrements de voix d’avant le 2026-08-28 (90 jours) : 1.');
    expect(await rows(bed.learnerId)).to.deep.equal([]);
    expect(await attachmentRows(sha256(old))).to.deep.equal([]);
    expect(await rows(bed.otherId)).to.have.length(1);
    expect(await attachmentRows(sha256(recent))).to.have.length(1);
    // The consent stays: only the old recording went.
    expect(await bed.t.ctx.calls.voice.consentOf(bed.learnerId)).to.be.a('string');
  });
});
