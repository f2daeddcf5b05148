/**
 * Data loss (issue 18): the real server (src/server/main.ts) imports courses/ at every start. A
 * trainer edits a lesson and adds a question in the browser, publishes, and the server is
 * restarted with the same courses/ folder: the edit and the question are still there, and no
 * version was made from disk. A later change on disk becomes a conflict and a draft, never a
 * version over the browser's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import { freePort } from '../helpers/free-port.ts';
import { browser, childDatabaseUrl, killServer, startServer } from '../helpers/real-server.ts';
import { createTestApp, createUser, type TestApp } from '../helpers/app.ts';
import { FIXTURE_COURSES } from '../learning/helpers.ts';
import type { ModuleVersion } from '../../src/server/courses/format/types.ts';

const MODULE = 'essai-player';
const LESSON = 'lessons/01.md';
const EDITED_LESSON = 'Bienvenue dans la leçon revue par la formatrice.\n\n## Décrocher\n\nOn décroche avant la deuxième sonnerie.\n';

describe('restart of the real server: the import of courses/ never undoes a browser edit', function () {
  this.timeout(300_000);
  let t: TestApp;
  let coursesDir: string;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child) await killServer(child);
    await t?.close();
    fs.rmSync(coursesDir, { recursive: true, force: true });
  });

  const versions = async () =>
    (await t.ctx.database.db.selectFrom('course_versions').select(['version', 'origin', 'content']).where('module_id', '=', MODULE).orderBy('version').execute()).map((r) => ({
      version: Number(r.version),
      origin: r.origin as string,
      content: JSON.parse(String(r.content)) as ModuleVersion,
    }));
  const lessonBody = (v: { content: ModuleVersion }) => v.content.items.flatMap((i) => (i.type === 'lesson' ? [i.lesson.markdown] : [])).join('\n');
  const questionIds = (v: { content: ModuleVersion }) => v.content.items.flatMap((i) => (i.type === 'quiz' ? i.quiz.questions.map((q) => q.id) : []));

  it('keeps the published lesson edit and the added question after a restart; a disk change becomes a draft to compare, not a version', async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'trainer', 'formatrice');
    coursesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-courses-'));
    fs.cpSync(FIXTURE_COURSES, coursesDir, { recursive: true });
    const port = await freePort();
    const start = async () => {
      child = await startServer(port, { DATABASE_URL: childDatabaseUrl(t.ctx), BASE_URL: t.ctx.config.baseUrl, COURSES_DIR: coursesDir });
    };
    const restart = async () => {
      if (child) await killServer(child);
      await start();
    };
    await start();
    const before = await versions();
    expect(before.map((v) => [v.version, v.origin])).to.deep.equal([[1, 'disk']]);
    expect(questionIds(before[0])).to.deep.equal(['q-choix', 'q-multi', 'q-vf', 'q-assoc', 'q-ordre', 'q-court']);

    const trainer = browser(`http://127.0.0.1:${port}`);
    expect(await trainer.login('formatrice')).to.equal(303);
    const csrf = String((await trainer.get('/trainer/authoring')).$('input[name=_csrf]').first().val());
    expect((await trainer.post(`/trainer/authoring/${MODULE}/draft`, { _csrf: csrf })).status).to.equal(303);
    expect((await trainer.post(`/trainer/authoring/${MODULE}/file`, { _csrf: csrf, path: LESSON, content: EDITED_LESSON })).status).to.equal(303);
    const question = { _csrf: csrf, path: 'quiz.yaml', questionId: 'q-ajoutee', prompt: 'Que faites-vous si le client crie ?', questionType: 'single_choice', lines: '+ Je reformule calmement | Oui.\nJe raccroche | Non.' };
    expect((await trainer.post(`/trainer/authoring/${MODULE}/quiz/question`, question)).status).to.equal(303);
    const published = await trainer.post(`/trainer/authoring/${MODULE}/publish`, { _csrf: csrf });
    expect(published.location).to.equal(`/trainer/authoring/${MODULE}/history?published=2`);

    // Restart with the same courses/ folder: nothing new from disk.
    await restart();
    const afterRestart = await versions();
    expect(afterRestart.map((v) => [v.version, v.origin])).to.deep.equal([[1, 'disk'], [2, 'authoring']]);
    expect(lessonBody(afterRestart[1])).to.contain('revue par la formatrice');
    expect(lessonBody(afterRestart[1])).to.contain('deuxième sonnerie');
    expect(questionIds(afterRestart[1])).to.deep.equal(['q-choix', 'q-multi', 'q-vf', 'q-assoc', 'q-ordre', 'q-court', 'q-ajoutee']);
    const index = await trainer.get('/trainer/authoring');
    expect(index.status).to.equal(200);
    expect(index.$(`tr[data-module=${MODULE}]`).text()).to.contain('v2');
    expect(index.$('#import-conflicts').length).to.equal(0);

    // A second restart after a change on disk: v2 stays the latest, the folder becomes a draft.
    fs.writeFileSync(path.join(coursesDir, MODULE, LESSON), 'Bienvenue, version du dépôt git.\n\n## Décrocher\n\nOn décroche vite.\n');
    await restart();
    expect((await versions()).map((v) => v.version)).to.deep.equal([1, 2]);
    const conflicted = await trainer.get('/trainer/authoring');
    expect(conflicted.$('#import-conflicts li').text()).to.equal(`${MODULE} : la version 2 publiée dans le navigateur est conservée, le dossier a changé.`);
    const modulePage = await trainer.get(`/trainer/authoring/${MODULE}`);
    expect(modulePage.$('#import-conflict').text()).to.contain('La version 2 est conservée');
    expect(modulePage.$('#conflict-diff').attr('href')).to.equal(`/trainer/authoring/${MODULE}/diff?from=2&to=draft`);
    const diff = await trainer.get(`/trainer/authoring/${MODULE}/diff?from=2&to=draft`);
    expect(diff.$('tr.diff-add ins').map((_, el) => diff.$(el).text()).get()).to.include('Bienvenue, version du dépôt git.');
    expect(diff.$('tr.diff-del del').map((_, el) => diff.$(el).text()).get()).to.include('Bienvenue dans la leçon revue par la formatrice.');

    // Restarting again with the conflict open changes nothing.
    await restart();
    expect((await versions()).map((v) => v.version)).to.deep.equal([1, 2]);

    // The trainer keeps version 2: the draft goes, and the next start leaves the module alone.
    expect((await trainer.post(`/trainer/authoring/${MODULE}/conflict/keep`, { _csrf: csrf })).status).to.equal(303);
    await restart();
    expect((await versions()).map((v) => v.version)).to.deep.equal([1, 2]);
    expect((await trainer.get('/trainer/authoring')).$('#import-conflicts').length).to.equal(0);
    expect(await t.ctx.database.db.selectFrom('authoring_drafts').select('module_id').execute()).to.deep.equal([]);
  });
});
