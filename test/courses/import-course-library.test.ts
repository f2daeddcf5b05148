import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../helpers/database.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { CourseRepository } from '../../src/server/courses/import/course-repository.ts';
import { COURSES_DIR, LESSON_MD, moduleFiles, QUIZ_YAML, SVG } from './fixtures.ts';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** A library on disk: the shipped competences.yaml and the fixture module "essai". */
function writeLibrary(root: string, overrides: Record<string, string | null> = {}): void {
  fs.rmSync(path.join(root, 'essai'), { recursive: true, force: true });
  fs.copyFileSync(path.join(COURSES_DIR, 'competences.yaml'), path.join(root, 'competences.yaml'));
  for (const [file, content] of moduleFiles(overrides)) {
    const full = path.join(root, 'essai', file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
}

describe('importCourseLibrary', () => {
  let database: TestDb;
  let root: string;
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 10, 26, 15, 0, tick++));

  beforeEach(async () => {
    database = await createTestDatabase();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-import-'));
    writeLibrary(root);
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('imports a new module as version 1 with its content and assets', async () => {
    const report = await importCourseLibrary(database.db, root, clock);
    expect(report.errors).to.deep.equal([]);
    expect(report.created).to.have.length(1);
    expect(report.created[0]).to.include({ moduleId: 'essai', version: 1 });
    expect(report.created[0]).to.not.have.property('previousVersion');

    const repo = new CourseRepository(database.db);
    const latest = await repo.latestVersion('essai');
    expect(latest?.version).to.equal(1);
    expect(latest?.createdAt).to.equal('2026-11-26T15:00:00.000Z');
    expect(latest?.content.items.map((i) => i.id)).to.deep.equal(['lecon-1', 'quiz', 'fiche']);
    expect(await repo.listModules()).to.deep.include({
      id: 'essai', title: "Module d'essai", summary: 'Un module minimal pour les tests.', latestVersion: 1,
      createdAt: '2026-11-26T15:00:00.000Z', updatedAt: '2026-11-26T15:00:00.000Z',
    });
    const svg = latest?.content.assets[0];
    const stored = await repo.asset(svg?.sha256 ?? '');
    expect(stored?.mediaType).to.equal('image/svg+xml');
    expect(stored?.data.toString('utf8')).to.equal(SVG);
  });

  it('makes no new version when nothing changed', async () => {
    await importCourseLibrary(database.db, root, clock);
    const again = await importCourseLibrary(database.db, root, clock);
    expect(again.created).to.deep.equal([]);
    expect(again.unchanged).to.deep.equal([{ moduleId: 'essai', version: 1 }]);
    const rows = await database.db.selectFrom('course_versions').select('version').execute();
    expect(rows).to.have.length(1);
  });

  it('makes version 2 when a file changes, and leaves version 1 untouched', async () => {
    await importCourseLibrary(database.db, root, clock);
    const repo = new CourseRepository(database.db);
    const v1Before = await repo.version('essai', 1);

    writeLibrary(root, { 'lessons/01.md': `${LESSON_MD}\n- Parlez lentement.\n`, 'quiz.yaml': QUIZ_YAML.replace('pass_mark: 70', 'pass_mark: 80') });
    const report = await importCourseLibrary(database.db, root, clock);
    expect(report.created).to.have.length(1);
    expect(report.created[0]).to.include({ moduleId: 'essai', version: 2, previousVersion: 1 });

    expect(await repo.version('essai', 1)).to.deep.equal(v1Before);
    const v2 = await repo.version('essai', 2);
    const quiz = v2?.content.items.find((i) => i.type === 'quiz');
    expect(quiz?.type === 'quiz' && quiz.quiz.passMark).to.equal(80);
    expect(v2?.contentHash).to.not.equal(v1Before?.contentHash);
    expect((await repo.latestVersion('essai'))?.version).to.equal(2);
    expect((await repo.versionHistory('essai')).map((h) => h.version)).to.deep.equal([1, 2]);
    expect((await repo.listModules()).find((m) => m.id === 'essai')?.latestVersion).to.equal(2);
  });

  it('stores nothing for a broken module and reports where it is broken', async () => {
    writeLibrary(root, { 'quiz.yaml': QUIZ_YAML.replace('pass_mark: 70', 'pass_mark: 700') });
    const report = await importCourseLibrary(database.db, root, clock);
    expect(report.created).to.deep.equal([]);
    expect(report.errors).to.have.length(1);
    expect(report.errors[0]).to.include({ file: 'essai/quiz.yaml', line: 1 });
    expect(await database.db.selectFrom('course_versions').selectAll().execute()).to.deep.equal([]);
    expect(await database.db.selectFrom('course_assets').selectAll().execute()).to.deep.equal([]);
  });

  it('keeps modules that left the folder and reports them as missing', async () => {
    await importCourseLibrary(database.db, root, clock);
    fs.rmSync(path.join(root, 'essai'), { recursive: true });
    const report = await importCourseLibrary(database.db, root, clock);
    expect(report.missing).to.deep.equal(['essai']);
    expect((await new CourseRepository(database.db).latestVersion('essai'))?.version).to.equal(1);
  });

  it('imports the shipped library once, then finds it unchanged', async function () {
    this.timeout(60000);
    const report = await importCourseLibrary(database.db, COURSES_DIR, clock);
    expect(report.errors).to.deep.equal([]);
    const modules = await new CourseRepository(database.db).listModules();
    expect(modules.map((m) => m.id)).to.deep.equal(report.created.map((c) => c.moduleId).sort());
    // Counted from the folders themselves, so that adding a module does not edit this test.
    const folders = fs.readdirSync(COURSES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.'));
    expect(folders.length).to.be.at.least(7);
    expect(modules).to.have.length(folders.length);
    const again = await importCourseLibrary(database.db, COURSES_DIR, clock);
    expect(again.created).to.deep.equal([]);
    expect(again.unchanged.map((u) => u.version)).to.deep.equal(folders.map(() => 1));
  });

  describe('a version published in the browser is never replaced by an import', () => {
    /** Version 2 as if published in the browser: v1's content with another title and hash. */
    async function publishInBrowser(version = 2): Promise<void> {
      const repo = new CourseRepository(database.db);
      const latest = await repo.latestVersion('essai');
      const content = { ...(latest as NonNullable<typeof latest>).content, title: 'Titre revu dans le navigateur', contentHash: `browser-${version}` };
      expect(await repo.insertVersion(content, version, clock().toISOString(), 'authoring')).to.equal(true);
    }
    const versionRows = async () => (await database.db.selectFrom('course_versions').select(['version', 'origin']).orderBy('version').execute()).map((r) => `${r.version}:${r.origin}`);
    const conflictRows = async () => database.db.selectFrom('course_import_conflicts').select(['module_id', 'kept_version', 'draft_from_disk']).execute();

    it('keeps the browser version when the folder has not changed since the last import', async () => {
      await importCourseLibrary(database.db, root, clock);
      await publishInBrowser();
      const report = await importCourseLibrary(database.db, root, clock);
      expect(report.created).to.deep.equal([]);
      expect(report.kept).to.deep.equal([{ moduleId: 'essai', version: 2 }]);
      expect(report.conflicts).to.deep.equal([]);
      expect(await versionRows()).to.deep.equal(['1:disk', '2:authoring']);
      expect((await new CourseRepository(database.db).latestVersion('essai'))?.content.title).to.equal('Titre revu dans le navigateur');
      expect(await conflictRows()).to.deep.equal([]);
    });

    it('records a conflict, and makes no version, when the folder changed too; the conflict goes when the folder is put back', async () => {
      await importCourseLibrary(database.db, root, clock);
      await publishInBrowser();
      writeLibrary(root, { 'lessons/01.md': `${LESSON_MD}\n- Changé dans git.\n` });
      for (let run = 0; run < 2; run++) {
        const report = await importCourseLibrary(database.db, root, clock);
        expect(report.created).to.deep.equal([]);
        expect(report.conflicts.map((c) => [c.moduleId, c.keptVersion])).to.deep.equal([['essai', 2]]);
        expect(await versionRows()).to.deep.equal(['1:disk', '2:authoring']);
        expect((await conflictRows()).map((r) => [r.module_id, Number(r.kept_version), Number(r.draft_from_disk)])).to.deep.equal([['essai', 2, 0]]);
      }
      writeLibrary(root);
      const back = await importCourseLibrary(database.db, root, clock);
      expect(back.kept).to.deep.equal([{ moduleId: 'essai', version: 2 }]);
      expect(await conflictRows()).to.deep.equal([]);
      expect(await versionRows()).to.deep.equal(['1:disk', '2:authoring']);
    });

    it('on a database from before the disk hash was recorded, compares with the newest version imported from disk', async () => {
      await importCourseLibrary(database.db, root, clock);
      await publishInBrowser();
      await database.db.deleteFrom('course_disk_imports').execute();
      const report = await importCourseLibrary(database.db, root, clock);
      expect(report.kept).to.deep.equal([{ moduleId: 'essai', version: 2 }]);
      expect(report.conflicts).to.deep.equal([]);
      expect(await versionRows()).to.deep.equal(['1:disk', '2:authoring']);
    });

    it('a folder appearing for a module created in the browser is a conflict, not a version', async () => {
      const parsedV1 = await importCourseLibrary(database.db, root, clock);
      // Rebuild the situation "only ever published in the browser": v1 marked authoring, no disk record.
      await database.db.updateTable('course_versions').set({ origin: 'authoring', content_hash: 'browser-1' }).execute();
      await database.db.deleteFrom('course_disk_imports').execute();
      expect(parsedV1.created).to.have.length(1);
      const report = await importCourseLibrary(database.db, root, clock);
      expect(report.created).to.deep.equal([]);
      expect(report.conflicts.map((c) => c.moduleId)).to.deep.equal(['essai']);
      expect(await versionRows()).to.deep.equal(['1:authoring']);
    });

    it('still makes a new version over a version that came from disk', async () => {
      await importCourseLibrary(database.db, root, clock);
      writeLibrary(root, { 'lessons/01.md': `${LESSON_MD}\n- Changé dans git.\n` });
      const report = await importCourseLibrary(database.db, root, clock);
      expect(report.created.map((c) => c.version)).to.deep.equal([2]);
      expect(await versionRows()).to.deep.equal(['1:disk', '2:disk']);
    });
  });
});
