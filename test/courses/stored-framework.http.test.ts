/**
 * The competency framework is read from what the import stored, never from the file (issue 11):
 * editing courses/competences.yaml changes nothing until the next import, a restart without an
 * import keeps the stored one, and an import of a changed file makes a new version that the
 * learner page, the certificate review and the digests follow.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type request from 'supertest';
import { createTestApp, createUser, loginAs, cheerio, type TestApp } from '../helpers/app.ts';
import { FIXTURE_COURSES } from '../learning/helpers.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { CompetencyFrameworks } from '../../src/server/courses/current-framework.ts';
import type { User } from '../../src/server/accounts/user.ts';

const OLD_LABEL = 'Accueillir le client et identifier sa demande';
const NEW_LABEL = 'Accueillir la personne et comprendre sa demande';
const origin = { ip: null, actorId: null };

describe('the competency framework comes from the stored import, not from the file (HTTP)', () => {
  let t: TestApp;
  let dir: string;
  let learner: User;
  let trainer: request.Agent;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-framework-'));
    fs.cpSync(FIXTURE_COURSES, dir, { recursive: true });
    t = await createTestApp({ COURSES_DIR: dir });
    const cohort = await t.ctx.services.cohorts.create({ name: 'Groupe A', startDate: '2026-09-01', endDate: '2027-03-31' }, origin);
    const trainerUser = await createUser(t.ctx, 'trainer', 'formatrice');
    learner = await createUser(t.ctx, 'learner', 'julien', undefined, 'Julien Martin');
    await t.ctx.services.cohorts.addMember(cohort.id, trainerUser.id, origin);
    await t.ctx.services.cohorts.addMember(cohort.id, learner.id, origin);
    trainer = await loginAs(t.app, 'formatrice');
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const editFile = () => {
    const file = path.join(dir, 'competences.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).to.include(OLD_LABEL);
    fs.writeFileSync(file, text.replace(OLD_LABEL, NEW_LABEL).replace('title: Conseiller relation client à distance', 'title: Référentiel révisé'));
  };
  const storedVersions = async () => (await t.ctx.database.db.selectFrom('course_frameworks').select(['version']).orderBy('version').execute()).map((r) => Number(r.version));
  const labelOnLearnerPage = async () => {
    const $ = cheerio.load((await trainer.get(`/trainer/learners/${learner.id}`).expect(200)).text);
    return $('.competency-table tbody th').filter((_, e) => $(e).text().startsWith('CCP1.1 ')).text();
  };
  const digestWatermark = async () => {
    await t.ctx.followup.digests.digests([learner.id]);
    const row = await t.ctx.database.db.selectFrom('followup_learner_digest').select('watermark').where('user_id', '=', learner.id).executeTakeFirstOrThrow();
    return row.watermark;
  };

  it('stores one version per distinct framework: a re-import of the same file adds none', async () => {
    expect((await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock)).frameworkVersion).to.equal(1);
    expect((await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock)).frameworkVersion).to.equal(1);
    expect(await storedVersions()).to.deep.equal([1]);
  });

  it('keeps the stored framework when the file changes without an import, in this process and after a restart', async () => {
    await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock);
    expect(await labelOnLearnerPage()).to.equal(`CCP1.1 · ${OLD_LABEL}`);
    const before = await digestWatermark();
    editFile();
    expect(await labelOnLearnerPage()).to.equal(`CCP1.1 · ${OLD_LABEL}`);
    expect((await t.ctx.certificates.release.review(learner.id)).framework.title).to.equal('Conseiller relation client à distance');
    // A new process on the same database (a restart) reads the stored framework too.
    const restarted = new CompetencyFrameworks(t.ctx.database.db, dir);
    expect((await restarted.framework()).title).to.equal('Conseiller relation client à distance');
    expect(await digestWatermark()).to.equal(before);
    expect(await storedVersions()).to.deep.equal([1]);
  });

  it('follows a new import of a changed file everywhere: new version, new labels, digests re-derived', async () => {
    await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock);
    const before = await digestWatermark();
    editFile();
    expect((await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock)).frameworkVersion).to.equal(2);
    expect(await storedVersions()).to.deep.equal([1, 2]);
    expect(await labelOnLearnerPage()).to.equal(`CCP1.1 · ${NEW_LABEL}`);
    expect((await t.ctx.certificates.release.review(learner.id)).framework.title).to.equal('Référentiel révisé');
    const after = await digestWatermark();
    expect(after).not.to.equal(before);
    // Only the framework part of the watermark moved: the learner's statements did not.
    expect(after.split(':')[2]).to.equal(before.split(':')[2]);
  });

  it('stores nothing from a framework file that does not parse, and keeps the last good one', async () => {
    await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock);
    fs.writeFileSync(path.join(dir, 'competences.yaml'), 'title: [pas fermé\n');
    const report = await importCourseLibrary(t.ctx.database.db, dir, t.ctx.clock);
    expect(report.frameworkVersion).to.equal(null);
    expect(report.errors).to.have.length.greaterThan(0);
    expect(await storedVersions()).to.deep.equal([1]);
    expect(await labelOnLearnerPage()).to.equal(`CCP1.1 · ${OLD_LABEL}`);
  });
});
