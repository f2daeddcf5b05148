/*
 * Issue 14, "read-aloud everywhere": every text block of every page of every shipped lesson
 * has an "Écouter" control whose file is synthesized by the real espeak-ng and plays: a WAV
 * header read back, PCM, with sound in it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { COURSES_DIR } from '../courses/fixtures.ts';
import { assignModule } from '../calls/support.ts';
import { cheerio, createTestApp, createUser, loginAs, type TestApp } from '../helpers/app.ts';
import { readWavHeader } from './wav-header.ts';

describe('read-aloud: every block of every shipped lesson (HTTP, real espeak-ng)', function () {
  this.timeout(600_000);
  let t: TestApp;
  let cache: string;
  before(async () => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-speech-'));
    t = await createTestApp({ SPEECH_CACHE_DIR: cache });
  });
  after(async () => {
    fs.rmSync(cache, { recursive: true, force: true });
    await t.close();
  });

  it('serves a playable French WAV for each block, and the second request reads the cached file', async () => {
    const report = await importCourseLibrary(t.ctx.database.db, COURSES_DIR, t.clock.now);
    expect(report.errors).to.deep.equal([]);
    const learner = await createUser(t.ctx, 'learner', 'lectrice');
    const modules = fs.readdirSync(COURSES_DIR).filter((d) => fs.existsSync(path.join(COURSES_DIR, d, 'module.yaml')));
    for (const moduleId of modules) await assignModule(t, learner.id, moduleId);
    const agent = await loginAs(t.app, 'lectrice');

    let lessons = 0;
    let blocks = 0;
    const sources = new Set<string>();
    for (const moduleId of modules) {
      const $module = cheerio.load((await agent.get(`/learner/modules/${moduleId}`).expect(200)).text);
      const lessonLinks = $module('a[href*="/items/"]').map((_, a) => String($module(a).attr('href'))).get().filter((href) => !href.includes('?'));
      for (const href of [...new Set(lessonLinks)]) {
        const first = await agent.get(href);
        if (first.status !== 200) continue;
        let $ = cheerio.load(first.text);
        if ($('.lesson-page').length === 0) continue;
        lessons++;
        const total = Number(/(\d+)\D*$/.exec($('.page-count').text())?.[1]);
        for (let number = 1; number <= total; number++) {
          $ = cheerio.load((await agent.get(`${href}?page=${number}`).expect(200)).text);
          // Nothing of the page's text is outside a block.
          $('.lesson-page').children().each((_, el) => {
            expect($(el).is('.lesson-block, h2, details.listen'), `${href}?page=${number}: ${$.html(el).slice(0, 80)}`).to.equal(true);
          });
          $('.lesson-block').each((_, el) => {
            const block = $(el);
            const words = block.clone().find('details.listen').remove().end().text().trim() + block.find('img').map((__, img) => $(img).attr('alt') ?? '').get().join('');
            if (words === '') return;
            blocks++;
            const src = block.children('details.listen').find('audio[controls]').attr('src');
            expect(src, `${href}?page=${number}: a block without "Écouter": ${words.slice(0, 60)}`).to.match(/^\/speech\/[0-9a-f]{64}\.wav$/);
            sources.add(src as string);
          });
        }
      }
    }
    // Ten modules ship lessons; each has several pages of several blocks.
    expect(lessons).to.be.at.least(30);
    expect(blocks).to.be.at.least(lessons * 5);

    for (const src of sources) {
      const res = await agent.get(src).buffer(true).parse((r, done) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => done(null, Buffer.concat(parts)));
      });
      expect(res.status, src).to.equal(200);
      expect(res.headers['content-type']).to.match(/^audio\/wav/);
      const header = readWavHeader(res.body as Buffer);
      expect(header.format, src).to.equal(1);
      expect(header.channels).to.equal(1);
      expect(header.durationMs, src).to.be.greaterThan(250);
      // Not silence: samples around the 8-bit midpoint 128 would be.
      const samples = (res.body as Buffer).subarray(44);
      expect(samples.some((v) => Math.abs(v - 128) > 20), src).to.equal(true);
    }
    const files = fs.readdirSync(cache).filter((f) => f.endsWith('.wav'));
    expect(files.length).to.equal(sources.size);
    // Served again: the very same bytes, from the file (nothing is synthesized twice).
    const one = [...sources][0];
    const before = fs.statSync(path.join(cache, one.split('/').pop() as string)).mtimeMs;
    await agent.get(one).expect(200);
    expect(fs.statSync(path.join(cache, one.split('/').pop() as string)).mtimeMs).to.equal(before);
  });
});
