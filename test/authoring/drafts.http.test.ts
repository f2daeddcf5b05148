import { expect } from 'chai';
import { addItem, authoringFixture, cheerio, countRows, createModule, type AuthoringFixture } from './support.ts';

describe('authoring: drafts, editing, validation, publish (HTTP)', () => {
  let f: AuthoringFixture;
  beforeEach(async () => {
    f = await authoringFixture();
  });
  afterEach(() => f.t.close());

  it('creates a module draft; its module.yaml is in the courses/ format and validation says an item is missing', async () => {
    const res = await createModule(f);
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal('/trainer/authoring/mon-module');
    const draft = await f.trainer.get('/trainer/authoring/mon-module');
    const $ = cheerio.load(draft.text);
    expect($('#validation').text()).to.match(/module\.yaml/);
    expect($('#validation').text()).to.match(/au moins un élément/);
    const files = (await f.t.ctx.database.db.selectFrom('authoring_drafts').select('files_json').executeTakeFirstOrThrow()).files_json;
    expect(JSON.parse(files)['module.yaml'].text).to.match(/^id: mon-module\n/);
    expect(await countRows(f, 'course_versions')).to.equal(0);
  });

  it('refuses a bad identifier or a taken one, and stores nothing', async () => {
    const bad = await createModule(f, { id: 'Mon Module' });
    expect(bad.status).to.equal(400);
    expect(cheerio.load(bad.text)('.alert-error').text()).to.match(/Identifiant invalide/);
    expect(await countRows(f, 'authoring_drafts')).to.equal(0);
    await createModule(f);
    const taken = await createModule(f, { title: 'Autre' });
    expect(taken.status).to.equal(409);
    expect(await countRows(f, 'authoring_drafts')).to.equal(1);
  });

  it('shows a quiz error next to its file with the line, and publishes once fixed', async () => {
    await createModule(f);
    expect((await addItem(f, 'mon-module', 'lesson', 'intro', 'Introduction')).status).to.equal(303);
    expect((await addItem(f, 'mon-module', 'quiz', 'quiz', 'Quiz')).status).to.equal(303);
    const broken = 'pass_mark: 70\nquestions:\n  - id: q1\n    type: single_choice\n    prompt: Laquelle ?\n    choices:\n      - text: A\n        correct: true\n        feedback: oui\n      - text: B\n        correct: true\n        feedback: non\n';
    const saved = await f.trainer.post('/trainer/authoring/mon-module/file').type('form').send({ _csrf: f.csrf, path: 'quiz.yaml', content: broken, action: 'save' });
    expect(saved.status).to.equal(303);
    const page = cheerio.load((await f.trainer.get('/trainer/authoring/mon-module/file?path=quiz.yaml')).text);
    expect(page('#file-errors').text()).to.match(/ligne \d+ :.*exactement une réponse/s);

    const refused = await f.trainer.post('/trainer/authoring/mon-module/publish').type('form').send({ _csrf: f.csrf });
    expect(refused.status).to.equal(422);
    expect(cheerio.load(refused.text)('#validation').text()).to.match(/Publication refusée/);
    expect(await countRows(f, 'course_versions')).to.equal(0);

    await f.trainer.post('/trainer/authoring/mon-module/file').type('form').send({ _csrf: f.csrf, path: 'quiz.yaml', content: broken.replace('      - text: B\n        correct: true\n', '      - text: B\n') });
    const published = await f.trainer.post('/trainer/authoring/mon-module/publish').type('form').send({ _csrf: f.csrf });
    expect(published.status).to.equal(303);
    expect(published.headers.location).to.equal('/trainer/authoring/mon-module/history?published=1');
    const version = await f.t.ctx.learning.courses.latestVersion('mon-module');
    expect(version?.content.items.map((i) => i.type)).to.deep.equal(['lesson', 'quiz']);
    expect(await countRows(f, 'authoring_drafts')).to.equal(0);
  });

  it('publishing a second time creates version 2 and leaves version 1 untouched; the diff shows the changed line', async () => {
    await createModule(f);
    await addItem(f, 'mon-module', 'lesson', 'intro', 'Introduction');
    await f.trainer.post('/trainer/authoring/mon-module/publish').type('form').send({ _csrf: f.csrf });
    const v1 = await f.t.ctx.database.db.selectFrom('course_versions').selectAll().where('version', '=', 1).executeTakeFirstOrThrow();

    expect((await f.trainer.post('/trainer/authoring/mon-module/draft').type('form').send({ _csrf: f.csrf })).status).to.equal(303);
    const meta = await f.trainer.post('/trainer/authoring/mon-module/metadata').type('form').send({ _csrf: f.csrf, title: 'Mon module, revu', summary: 'Un module de test.', durationMinutes: '45', level: 'intermédiaire', competencies: ['CCP1.1', 'T1'] });
    expect(meta.status).to.equal(303);
    const published = await f.trainer.post('/trainer/authoring/mon-module/publish').type('form').send({ _csrf: f.csrf });
    expect(published.headers.location).to.equal('/trainer/authoring/mon-module/history?published=2');

    const v1After = await f.t.ctx.database.db.selectFrom('course_versions').selectAll().where('version', '=', 1).executeTakeFirstOrThrow();
    expect(v1After).to.deep.equal(v1);
    expect((await f.t.ctx.learning.courses.latestVersion('mon-module'))?.content.title).to.equal('Mon module, revu');

    const diff = cheerio.load((await f.trainer.get('/trainer/authoring/mon-module/diff?from=1&to=2')).text);
    expect(diff('.authoring-diff-file').map((_, el) => diff(el).attr('data-file')).get()).to.deep.equal(['module.yaml']);
    expect(diff('tr.diff-del del').map((_, el) => diff(el).text()).get()).to.include.members(['title: Mon module', 'duration_minutes: 30']);
    expect(diff('tr.diff-add ins').map((_, el) => diff(el).text()).get()).to.include.members(['title: Mon module, revu', 'duration_minutes: 45']);
  });

  it('starts a draft from a module imported from courses/ (sources read back by content hash)', async () => {
    const { importCourseLibrary } = await import('../../src/server/courses/import/import-course-library.ts');
    await importCourseLibrary(f.t.ctx.database.db, f.t.ctx.config.coursesDir);
    const res = await f.trainer.post('/trainer/authoring/back-office/draft').type('form').send({ _csrf: f.csrf });
    expect(res.status).to.equal(303);
    const page = cheerio.load((await f.trainer.get('/trainer/authoring/back-office')).text);
    expect(page('#validation').text()).to.match(/valide/);
    expect(page('[data-file="roleplays/suivi-dossier-bloque.yaml"] a').attr('href')).to.contain('/scenario?path=');
  });

  it('previews a lesson with the player’s safe Markdown, without saving', async () => {
    await createModule(f);
    await addItem(f, 'mon-module', 'lesson', 'intro', 'Introduction');
    const before = (await f.t.ctx.database.db.selectFrom('authoring_drafts').select('files_json').executeTakeFirstOrThrow()).files_json;
    const content = 'Texte **important**.\n\n## Deuxième page\n\nFin.\n';
    const page = await f.trainer.post('/trainer/authoring/mon-module/file').type('form').send({ _csrf: f.csrf, path: 'lessons/intro.md', content, action: 'preview' });
    const $ = cheerio.load(page.text);
    expect($('#preview-body strong').text()).to.equal('important');
    expect($('#preview-body h3').map((_, el) => $(el).text()).get()).to.deep.equal(['Introduction', 'Deuxième page']);
    const unsafe = await f.trainer.post('/trainer/authoring/mon-module/preview').type('form').send({ _csrf: f.csrf, path: 'lessons/intro.md', content: `${content}<script>alert(1)</script>\n` });
    const u = cheerio.load(unsafe.text);
    expect(u('script').length).to.equal(0);
    expect(u('.authoring-preview-errors').text()).to.match(/ligne 6 :.*script/);
    const live = await f.trainer.post('/trainer/authoring/mon-module/preview').type('form').send({ _csrf: f.csrf, path: 'lessons/intro.md', content });
    expect(cheerio.load(live.text)('strong').text()).to.equal('important');
    const after = (await f.t.ctx.database.db.selectFrom('authoring_drafts').select('files_json').executeTakeFirstOrThrow()).files_json;
    expect(after).to.equal(before);
  });

  it('adds a quiz question through the structured form; an incomplete form changes nothing', async () => {
    await createModule(f);
    await addItem(f, 'mon-module', 'quiz', 'quiz', 'Quiz');
    const files = async () => (await f.t.ctx.database.db.selectFrom('authoring_drafts').select('files_json').executeTakeFirstOrThrow()).files_json;
    const before = await files();
    const bad = await f.trainer.post('/trainer/authoring/mon-module/quiz/question').type('form').send({ _csrf: f.csrf, path: 'quiz.yaml', questionType: 'single_choice', questionId: 'q2', prompt: '' });
    expect(bad.status).to.equal(400);
    expect(cheerio.load(bad.text)('#f-prompt-error').length).to.equal(1);
    expect(await files()).to.equal(before);
    const ok = await f.trainer.post('/trainer/authoring/mon-module/quiz/question').type('form').send({
      _csrf: f.csrf, path: 'quiz.yaml', questionType: 'single_choice', questionId: 'q2', prompt: 'Que dit-on en premier ?', lines: '+ Bonjour | On salue.\nAllô | Trop sec.',
    });
    expect(ok.status).to.equal(303);
    await f.trainer.post('/trainer/authoring/mon-module/publish').type('form').send({ _csrf: f.csrf });
    const version = await f.t.ctx.learning.courses.latestVersion('mon-module');
    const quiz = version?.content.items[0];
    expect(quiz?.type === 'quiz' && quiz.quiz.questions.map((q) => q.id)).to.deep.equal(['q1', 'q2']);
  });

  it('deletes a file from the draft (never module.yaml); validation then points at the missing file', async () => {
    await createModule(f);
    await addItem(f, 'mon-module', 'lesson', 'intro', 'Introduction');
    const page = cheerio.load((await f.trainer.get('/trainer/authoring/mon-module/file?path=lessons%2Fintro.md')).text);
    expect(page('form[action$="/file/delete"]').length).to.equal(1);
    const res = await f.trainer.post('/trainer/authoring/mon-module/file/delete').type('form').send({ _csrf: f.csrf, path: 'lessons/intro.md' });
    expect(res.status).to.equal(303);
    const draft = cheerio.load((await f.trainer.get('/trainer/authoring/mon-module')).text);
    expect(draft('#validation').text()).to.match(/fichier introuvable : « lessons\/intro\.md »/);
    const moduleYaml = await f.trainer.post('/trainer/authoring/mon-module/file/delete').type('form').send({ _csrf: f.csrf, path: 'module.yaml' });
    expect(moduleYaml.status).to.equal(404);
  });
});
