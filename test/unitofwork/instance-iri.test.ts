/**
 * The xAPI identity of the instance is stored at the first start: serving the same database at
 * another BASE_URL keeps every learner's history (progress, trainer's page, new statements on
 * the same actor), and a database from before the setting takes the address its statements
 * were written with.
 */
import { expect } from 'chai';
import { boot } from '../../src/server/boot.ts';
import { createApp } from '../../src/server/app.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { learnerAgent } from '../../src/server/xapi/actor.ts';
import { createChildDatabaseUrl } from '../helpers/database.ts';
import { createUser, loginAs, cheerio } from '../helpers/app.ts';
import { FIXTURE_COURSES, MODULE } from '../learning/helpers.ts';
import { playQuiz, readLesson } from '../learning/play.ts';
import type { AppContext } from '../../src/server/context.ts';

const SECRET = 's'.repeat(40);

describe('instance IRI: an identity that outlives the address', function () {
  this.timeout(120_000);
  let target: { url: string; cleanup(): Promise<void> };
  let open: Array<{ close(): Promise<void> }> = [];
  beforeEach(async () => {
    target = await createChildDatabaseUrl();
  });
  afterEach(async () => {
    for (const database of open) await database.close();
    open = [];
    await target.cleanup();
  });

  const start = async (baseUrl: string) => {
    const { ctx, database } = await boot({ DATABASE_URL: target.url, BASE_URL: baseUrl, COURSES_DIR: FIXTURE_COURSES, SESSION_SECRET: SECRET, LOG_LEVEL: 'error' });
    open.push(database);
    return { ctx, app: createApp(ctx, SECRET) };
  };
  const statementCountOf = async (ctx: AppContext, homePage: string, userId: string) =>
    (await ctx.lrs.service.queryStatements({ agent: learnerAgent(homePage, userId), limit: 500 })).statements.length;

  /** First start at `baseUrl`: a learner reads the lesson and passes the quiz. */
  const firstLife = async (baseUrl: string) => {
    const { ctx, app } = await start(baseUrl);
    await importCourseLibrary(ctx.database.db, FIXTURE_COURSES, ctx.clock);
    const learner = await createUser(ctx, 'learner', 'julien', undefined, 'Julien Martin');
    const trainer = await createUser(ctx, 'trainer', 'karim', undefined, 'Karim Formateur');
    const origin = { ip: null, actorId: null };
    const cohort = await ctx.services.cohorts.create({ name: 'Groupe test', startDate: '2026-11-01', endDate: '2027-04-30' }, origin);
    for (const u of [learner, trainer]) await ctx.services.cohorts.addMember(cohort.id, u.id, origin);
    await ctx.learning.assignment.assign(cohort.id, [{ moduleId: MODULE, position: 1, prerequisiteModuleId: null }]);
    const agent = await loginAs(app, 'julien');
    await readLesson(agent);
    await playQuiz(agent);
    return { ctx, learner };
  };
  const statuses = async (app: ReturnType<typeof createApp>) => {
    const $ = cheerio.load((await (await loginAs(app, 'julien')).get(`/learner/modules/${MODULE}`)).text);
    return $('.item-status').map((_, e) => $(e).text().trim()).get();
  };

  it('serving the database at another BASE_URL keeps the history, and new statements join the same actor', async () => {
    const { ctx: before, learner } = await firstLife('http://formation-a.test');
    expect(before.config.instanceIri).to.equal('http://formation-a.test');
    const statementsBefore = await statementCountOf(before, 'http://formation-a.test', learner.id);
    expect(statementsBefore).to.be.greaterThan(5);

    const { ctx: after, app } = await start('http://salle-b.test:8080');
    expect(after.config.baseUrl).to.equal('http://salle-b.test:8080');
    expect(after.config.instanceIri).to.equal('http://formation-a.test');
    expect(await statuses(app)).to.deep.equal(['Terminé', 'Réussi · 100 %', 'À faire', 'À faire']);
    // The trainer's page of the learner shows the same history.
    const trainer = await loginAs(app, 'karim');
    const page = cheerio.load((await trainer.get(`/trainer/learners/${learner.id}`)).text);
    expect(page('body').text()).to.contain('Julien Martin');
    expect(page('.timeline li').length, 'timeline entries of the learner').to.be.greaterThan(5);
    expect(page('.timeline-sentence').text()).to.contain('Julien Martin');
    // A new action after the move is recorded on the same actor, never on the new address.
    const agent = await loginAs(app, 'julien');
    await agent.get(`/learner/modules/${MODULE}/items/fiche`);
    expect(await statementCountOf(after, 'http://salle-b.test:8080', learner.id)).to.equal(0);
    expect(await statementCountOf(after, 'http://formation-a.test', learner.id)).to.be.at.least(statementsBefore);
  });

  it('a database from before the setting takes the address its statements were written with, not the new BASE_URL', async () => {
    const { ctx: before, learner } = await firstLife('http://ancienne-adresse.test');
    // As before the upgrade: no stored identity.
    await before.database.db.deleteFrom('app_settings').where('key', '=', 'instance_iri').execute();

    const { ctx: after, app } = await start('http://nouvelle-adresse.test');
    expect(after.config.instanceIri).to.equal('http://ancienne-adresse.test');
    expect(await after.repositories.settings.get('instance_iri')).to.equal('http://ancienne-adresse.test');
    expect(await statuses(app)).to.deep.equal(['Terminé', 'Réussi · 100 %', 'À faire', 'À faire']);
    expect(await statementCountOf(after, 'http://ancienne-adresse.test', learner.id)).to.be.greaterThan(5);
  });
});
