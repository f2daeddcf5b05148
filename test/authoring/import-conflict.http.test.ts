/**
 * Resolving a conflict between courses/ and a version published in the browser, through the
 * authoring pages: the folder becomes a draft only when no draft is in the way, publishing that
 * draft or keeping the published version closes the conflict, and the next import agrees.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type request from 'supertest';
import { createTestApp, createUser, csrfFrom, loginAs, cheerio, type TestApp } from '../helpers/app.ts';
import { FIXTURE_COURSES } from '../learning/helpers.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { runStartupTasks } from '../../src/server/startup.ts';

const MODULE = 'second-module';
const LESSON = 'lessons/01.md';

describe('authoring: a conflict with courses/ is shown and resolved by the trainer (HTTP)', () => {
  let t: TestApp;
  let dir: string;
  let trainer: request.Agent;
  let csrf: string;
  const href = `/trainer/authoring/${MODULE}`;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-conflict-'));
    fs.cpSync(FIXTURE_COURSES, dir, { recursive: true });
    t = await createTestApp({ COURSES_DIR: dir });
    await createUser(t.ctx, 'trainer', 'formatrice');
    await createUser(t.ctx, 'learner', 'julien');
    await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock);
    trainer = await loginAs(t.app, 'formatrice');
    csrf = await csrfFrom(trainer, '/trainer/authoring');
    // Version 2 published in the browser.
    await trainer.post(`${href}/draft`).type('form').send({ _csrf: csrf }).expect(303);
    await trainer.post(`${href}/file`).type('form').send({ _csrf: csrf, path: LESSON, content: 'Texte de la formatrice.\n' }).expect(303);
    await trainer.post(`${href}/publish`).type('form').send({ _csrf: csrf }).expect(303);
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const changeDisk = (text = 'Texte du dépôt git.\n') => fs.writeFileSync(path.join(dir, MODULE, LESSON), text);
  const versions = async () => (await t.ctx.database.db.selectFrom('course_versions').select(['version', 'origin']).where('module_id', '=', MODULE).orderBy('version').execute()).map((r) => `${r.version}:${r.origin}`);
  const draftLesson = async () => {
    const row = await t.ctx.database.db.selectFrom('authoring_drafts').select('files_json').where('module_id', '=', MODULE).executeTakeFirst();
    return row ? (JSON.parse(String(row.files_json)) as Record<string, { text: string }>)[LESSON]?.text : undefined;
  };
  const page = async (url: string) => cheerio.load((await trainer.get(url).expect(200)).text);
  const quiet = async (fn: () => Promise<void>) => {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await fn();
    } finally {
      process.stdout.write = write;
    }
  };

  it('never overwrites a trainer\'s open draft with the folder; after discarding it, the folder loads on request', async () => {
    await trainer.post(`${href}/draft`).type('form').send({ _csrf: csrf }).expect(303);
    await trainer.post(`${href}/file`).type('form').send({ _csrf: csrf, path: LESSON, content: 'Brouillon en cours de la formatrice.\n' }).expect(303);
    changeDisk();
    await quiet(() => runStartupTasks(t.ctx));
    expect(await versions()).to.deep.equal(['1:disk', '2:authoring']);
    expect(await draftLesson()).to.equal('Brouillon en cours de la formatrice.\n');
    let $ = await page(href);
    expect($('#import-conflict').text()).to.contain('Un brouillon de ce module existe déjà');
    expect($('#conflict-load').length).to.equal(0);

    await trainer.post(`${href}/discard`).type('form').send({ _csrf: csrf }).expect(303);
    $ = await page(href);
    expect($('#conflict-load').text()).to.equal('Charger le dossier dans un brouillon');
    await trainer.post(`${href}/conflict/load`).type('form').send({ _csrf: csrf }).expect(303);
    expect(await draftLesson()).to.equal('Texte du dépôt git.\n');
    $ = await page(href);
    expect($('#conflict-diff').attr('href')).to.equal(`${href}/diff?from=2&to=draft`);
  });

  it('publishing the draft loaded from the folder, even edited, closes the conflict; the next import creates nothing', async () => {
    changeDisk();
    await quiet(() => runStartupTasks(t.ctx));
    expect(await draftLesson()).to.equal('Texte du dépôt git.\n');
    await trainer.post(`${href}/file`).type('form').send({ _csrf: csrf, path: LESSON, content: 'Texte du dépôt git, fusionné avec la formatrice.\n' }).expect(303);
    await trainer.post(`${href}/publish`).type('form').send({ _csrf: csrf }).expect(303);
    expect(await versions()).to.deep.equal(['1:disk', '2:authoring', '3:authoring']);
    expect((await page('/trainer/authoring'))('#import-conflicts').length).to.equal(0);
    const report = await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock);
    expect(report.created).to.deep.equal([]);
    expect(report.conflicts).to.deep.equal([]);
    expect(report.kept).to.deep.include({ moduleId: MODULE, version: 3 });
    expect(await versions()).to.deep.equal(['1:disk', '2:authoring', '3:authoring']);
  });

  it('keeping the published version drops the folder\'s draft; a later change on disk is a new conflict', async () => {
    changeDisk();
    await quiet(() => runStartupTasks(t.ctx));
    await trainer.post(`${href}/conflict/keep`).type('form').send({ _csrf: csrf }).expect(303);
    expect(await draftLesson()).to.equal(undefined);
    expect((await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock)).conflicts).to.deep.equal([]);
    changeDisk('Encore un autre texte.\n');
    expect((await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock)).conflicts.map((c) => c.moduleId)).to.deep.equal([MODULE]);
    expect(await versions()).to.deep.equal(['1:disk', '2:authoring']);
  });

  it('speaks English on request; a forged resolution without a conflict, or by a learner, changes nothing and is no 500', async () => {
    changeDisk();
    await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock);
    await trainer.get('/trainer/authoring?lang=en').expect(200);
    const $ = await page(href);
    expect($('#import-conflict h2').text()).to.equal('The courses/ folder changed');
    expect($('#conflict-keep').text()).to.equal('Keep version 2 and ignore the folder');

    const noConflict = await trainer.post('/trainer/authoring/essai-player/conflict/keep').type('form').send({ _csrf: csrf });
    expect(noConflict.status).to.equal(404);
    const learner = await loginAs(t.app, 'julien');
    const learnerCsrf = await csrfFrom(learner, '/learner');
    const refused = await learner.post(`${href}/conflict/keep`).type('form').send({ _csrf: learnerCsrf });
    expect(refused.status).to.equal(403);
    const noCsrf = await trainer.post(`${href}/conflict/keep`).type('form').send({});
    expect(noCsrf.status).to.equal(403);
    expect((await t.ctx.database.db.selectFrom('course_import_conflicts').select('module_id').execute()).map((r) => r.module_id)).to.deep.equal([MODULE]);
  });
});
