import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loginAs, cheerio } from '../helpers/app.ts';
import { FIXTURE_COURSES, itemPath, learningWorld, MODULE, type LearningWorld } from './helpers.ts';
import { importCoursesAtStartup } from '../../src/server/learning/library/startup-import.ts';

describe('version pinning and start-up import', () => {
  let w: LearningWorld;
  let dir: string;
  beforeEach(async () => {
    w = await learningWorld();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-courses-'));
    fs.cpSync(FIXTURE_COURSES, dir, { recursive: true });
    w.t.ctx.config.coursesDir = dir;
  });
  afterEach(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await w.close();
  });

  it('imports only what changed, and a learner keeps the version they started', async () => {
    expect(await importCoursesAtStartup(w.t.ctx)).to.equal('Courses: 0 new version(s), 2 unchanged, 0 error(s)');
    const julien = await loginAs(w.t.app, 'julien');
    await julien.get(itemPath('lecon'));

    const lesson = path.join(dir, MODULE, 'lessons/01.md');
    fs.writeFileSync(lesson, fs.readFileSync(lesson, 'utf8').replace('On décroche avant la troisième sonnerie.', 'On décroche vite, avant la deuxième sonnerie.'));
    expect(await importCoursesAtStartup(w.t.ctx)).to.equal(`Courses: 1 new version(s) (${MODULE} v2), 1 unchanged, 0 error(s)`);

    const pinned = cheerio.load((await julien.get(`${itemPath('lecon')}?page=2`)).text);
    expect(pinned('.lesson-page').text()).to.contain('troisième sonnerie');
    const sofiane = await loginAs(w.t.app, 'sofiane');
    await sofiane.get(itemPath('lecon'));
    const latest = cheerio.load((await sofiane.get(`${itemPath('lecon')}?page=2`)).text);
    expect(latest('.lesson-page').text()).to.contain('deuxième sonnerie');
    expect((await w.t.ctx.learning.enrolments.find(w.learner.id, MODULE))?.version).to.equal(1);
    expect((await w.t.ctx.learning.enrolments.find(w.other.id, MODULE))?.version).to.equal(2);
  });
});
