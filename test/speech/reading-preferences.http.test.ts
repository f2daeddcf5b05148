/*
 * Issue 14, "easier reading": the learner's text size, line spacing and read-aloud pace are
 * stored and come back in a new session; the pace changes the "Écouter" file (a slower, longer
 * one); bad forms and unknown sounds are refused, translated, with nothing stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../helpers/app.ts';
import { readWavHeader } from './wav-header.ts';

const binary = (r: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  r.on('data', (c: Buffer) => parts.push(c));
  r.on('end', () => done(null, Buffer.concat(parts)));
};

describe('reading comfort and read-aloud pace (HTTP, real espeak-ng)', function () {
  this.timeout(120_000);
  let t: TestApp;
  let cache: string;
  beforeEach(async () => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-reading-'));
    t = await createTestApp({ SPEECH_CACHE_DIR: cache });
    await createUser(t.ctx, 'learner', 'lectrice');
  });
  afterEach(async () => {
    fs.rmSync(cache, { recursive: true, force: true });
    await t.close();
  });

  const save = async (agent: request.Agent, form: Record<string, string>, lang = '') =>
    agent.post(`/account/reading${lang}`).type('form').send({ _csrf: await csrfFrom(agent, '/account/reading'), ...form });
  const sampleSrc = async (agent: request.Agent) => cheerio.load((await agent.get('/account/reading').expect(200)).text)('details.listen audio').attr('src') as string;

  it('keeps larger text, wide spacing and the slow voice across sessions; the slow file is longer', async () => {
    let agent = await loginAs(t.app, 'lectrice');
    const normalSrc = await sampleSrc(agent);
    const normal = readWavHeader((await agent.get(normalSrc).buffer(true).parse(binary).expect(200)).body as Buffer);
    expect((await save(agent, { textSize: 'larger', lineSpacing: 'wide', speechPace: 'slow' })).headers.location).to.equal('/account/reading?saved=1');
    const row = await t.ctx.database.db.selectFrom('learner_reading_preferences').selectAll().executeTakeFirstOrThrow();
    expect([row.text_size, row.line_spacing, row.speech_pace]).to.deep.equal(['larger', 'wide', 'slow']);

    // A new session on another terminal: the choices come back.
    agent = await loginAs(t.app, 'lectrice');
    const $ = cheerio.load((await agent.get('/learner').expect(200)).text);
    expect($('html').attr('class')).to.equal('text-larger spacing-wide');
    const slowSrc = await sampleSrc(agent);
    expect(slowSrc).to.not.equal(normalSrc);
    const slow = readWavHeader((await agent.get(slowSrc).buffer(true).parse(binary).expect(200)).body as Buffer);
    expect(slow.durationMs).to.be.greaterThan(normal.durationMs * 1.15);
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.wav')).sort()).to.deep.equal([normalSrc, slowSrc].map((s) => s.split('/').pop()).sort());
  });

  it('refuses a choice that is not offered, in French or English, and stores nothing', async () => {
    const agent = await loginAs(t.app, 'lectrice');
    const bad = await save(agent, { textSize: 'enorme', lineSpacing: 'wide', speechPace: 'slow' });
    expect(bad.status).to.equal(400);
    expect(cheerio.load(bad.text)('#reading-error').text()).to.contain('Choisissez une des propositions');
    const english = await save(agent, { textSize: 'large', lineSpacing: 'wide' }, '?lang=en');
    expect(english.status).to.equal(400);
    expect(cheerio.load(english.text)('#reading-error').text()).to.contain('Pick one of the choices');
    expect(await t.ctx.database.db.selectFrom('learner_reading_preferences').selectAll().execute()).to.deep.equal([]);
  });

  it('answers 404, translated, for a sound no page showed or a malformed name, and synthesizes nothing', async () => {
    const agent = await loginAs(t.app, 'lectrice');
    const unknown = await agent.get(`/speech/${'a'.repeat(64)}.wav`);
    expect(unknown.status).to.equal(404);
    expect(cheerio.load(unknown.text)('main').text()).to.contain('Ce son n');
    expect((await agent.get('/speech/..%2F..%2Fetc%2Fpasswd')).status).to.equal(404);
    expect(fs.readdirSync(cache)).to.deep.equal([]);
    const anonymous = await request(t.app).get(`/speech/${'a'.repeat(64)}.wav`);
    expect(anonymous.status).to.equal(303);
  });
});
