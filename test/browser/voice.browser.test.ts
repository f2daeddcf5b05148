/**
 * The learner speaks in a call (issue 14), in Chromium with a fake microphone: consent given
 * on its page, the first line said aloud and recorded by MediaRecorder, the recording found as
 * the attachment of that turn's statement through /xapi/statements?attachments=true, and the
 * trainer's review showing an audio element that loads, with its duration shown.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { createUser } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { VERBS } from '../../src/server/xapi/vocabulary.ts';
import { assignModule, ITEM_ID, MODULE_ID, START, writeCallLibrary } from '../calls/support.ts';

const GREETING = 'Bonjour madame, Lucie du service client, je vous écoute.';

describe('browser: a learner answers a call aloud and the trainer listens back', function () {
  this.timeout(180_000);
  let h: BrowserHarness;
  let root: string;
  let lrsAuth: string;
  const at = (seconds: number) => h.t.clock.set(new Date(START.getTime() + seconds * 1000));

  before(async () => {
    h = await startBrowserHarness({}, ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-voice-browser-'));
    writeCallLibrary(root);
    const report = await importCourseLibrary(h.t.ctx.database.db, root, h.t.clock.now);
    expect(report.errors).to.deep.equal([]);
    const { key, secret } = await h.t.ctx.lrs.credentials.create({ name: 'voice browser test', scopes: ['statements/read'] });
    lrsAuth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  });
  after(async () => {
    await h?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('gives consent, says the first line, finds the recording as the turn statement attachment, and the trainer plays it', async () => {
    const learner = await createUser(h.t.ctx, 'learner', 'samia');
    await assignModule(h.t, learner.id);
    const page = await h.newPage();
    page.setDefaultTimeout(60_000);
    await logIn(page, 'samia', 'motdepasse-solide');
    await page.waitForURL('**/learner');

    // 1. Consent, on its own page.
    await page.goto('/learner/voice');
    expect(await page.locator('main').innerText()).to.contain('Seul votre formateur écoute vos enregistrements.');
    await page.getByRole('button', { name: 'J’accepte d’être enregistré' }).click();
    await page.waitForURL('**/learner/voice?given=1');
    expect(await page.locator('.voice-given').innerText()).to.contain('Enregistrements gardés : 0.');

    // 2. A call answered by voice.
    at(0);
    await page.goto(`/learner/calls/start?module=${MODULE_ID}&item=${ITEM_ID}`);
    await page.getByRole('button', { name: 'Décrocher' }).click();
    await page.waitForURL(/\/learner\/calls\/[0-9a-f-]{36}$/);
    const callId = page.url().split('/').pop() as string;
    at(4);
    const record = page.getByRole('button', { name: 'Dire ma réponse' });
    await record.waitFor({ state: 'visible' });
    await record.click();
    await page.getByText('Enregistrement en cours').waitFor();
    // The fake microphone plays a tone: a second and a half of it.
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Arrêter l’enregistrement' }).click();
    await page.getByText('Votre réponse est enregistrée').waitFor();
    await page.getByRole('button', { name: GREETING }).click();
    await page.getByText('Quand est-ce que je serai livrée ?').first().waitFor();

    // 3. The recording is the attachment of the turn's statement, through the xAPI endpoint.
    const { registration } = (await h.t.ctx.database.db.selectFrom('roleplay_calls').select('registration').where('id', '=', callId).executeTakeFirstOrThrow()) as { registration: string };
    const res = await fetch(`${h.baseUrl}/xapi/statements?registration=${registration}&attachments=true`, { headers: { Authorization: lrsAuth, 'X-Experience-API-Version': '2.0.0' } });
    expect(res.status).to.equal(200);
    const boundary = /boundary=([^;]+)/.exec(res.headers.get('content-type') ?? '')?.[1] as string;
    expect(boundary).to.be.a('string');
    const body = Buffer.from(await res.arrayBuffer());
    const parts = body.toString('latin1').split(`--${boundary}`).slice(1, -1);
    const json = JSON.parse(parts[0].slice(parts[0].indexOf('\r\n\r\n') + 4).trimEnd()) as { statements: Array<{ verb: { id: string }; attachments?: Array<Record<string, unknown>> }> };
    const withVoice = json.statements.filter((s) => s.attachments);
    expect(withVoice).to.have.length(1);
    expect(withVoice[0].verb.id).to.equal(VERBS.answered.id);
    const [attachment] = withVoice[0].attachments ?? [];
    expect(attachment).to.include({ usageType: 'http://id.tremplin.example/attachment/voice', contentType: 'audio/webm' });
    expect(parts).to.have.length(2);
    const head = parts[1].slice(0, parts[1].indexOf('\r\n\r\n'));
    expect(head).to.contain(`X-Experience-API-Hash: ${attachment.sha2 as string}`);
    const content = Buffer.from(parts[1].slice(parts[1].indexOf('\r\n\r\n') + 4, -2), 'latin1');
    expect(content.length).to.equal(attachment.length);
    expect(crypto.createHash('sha256').update(content).digest('hex')).to.equal(attachment.sha2);
    expect(content.subarray(0, 4).toString('hex')).to.equal('1a45dfa3');
    await page.close();

    // 4. The trainer's review plays it: the audio element loads and its duration is shown.
    const trainer = await createUser(h.t.ctx, 'trainer', 'claire');
    const [cohort] = (await h.t.ctx.repositories.cohorts.cohortsOf(learner.id));
    await h.t.ctx.repositories.cohorts.addMember(cohort.id, trainer.id, 'trainer');
    const review = await h.newPage();
    review.setDefaultTimeout(60_000);
    await logIn(review, 'claire', 'motdepasse-solide');
    await review.waitForURL((url) => !url.pathname.startsWith('/login'));
    await review.goto(`/trainer/calls/${registration}`);
    const voice = review.locator('audio.learner-voice');
    expect(await voice.count()).to.equal(1);
    await review.waitForFunction(() => ((document.querySelector("audio.learner-voice") as HTMLAudioElement | null)?.readyState ?? 0) >= 1);
    expect(await voice.evaluate((a: HTMLAudioElement) => a.error)).to.equal(null);
    expect(await review.locator('.voice-duration').innerText()).to.match(/^durée [12] s$/);
    expect(await review.getByRole('button', { name: 'Tout écouter dans l’ordre' }).isVisible()).to.equal(true);
    expect(await review.locator('.transcript').innerText()).to.contain(GREETING);
    await review.screenshot({ path: '/tmp/tremplin-voice-review.png', fullPage: true });
    expect(h.foreignRequests).to.deep.equal([]);
  });
});
