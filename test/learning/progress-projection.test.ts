import { expect } from 'chai';
import { loginAs, cheerio } from '../helpers/app.ts';
import { learningWorld, MODULE, OTHER_MODULE, statementsOf, verbOf, type LearningWorld } from './helpers.ts';
import { playQuiz, readLesson, retry, submitFiche, submitTri } from './play.ts';
import { foldProgress } from '../../src/server/learning/progress/progress-reducer.ts';
import { moduleProgress } from '../../src/server/learning/progress/module-progress.ts';
import { progressKey } from '../../src/server/learning/progress/item-progress.ts';
import { activityIds } from '../../src/server/xapi/activity-ids.ts';
import { learnerAgent } from '../../src/server/xapi/actor.ts';

describe('progress projection: the dashboard is explainable from the statements', () => {
  let w: LearningWorld;
  beforeEach(async () => {
    w = await learningWorld();
  });
  afterEach(() => w.close());

  it('rebuilds learner_item_progress from the learner\'s statements alone, row for row', async () => {
    const agent = await loginAs(w.t.app, 'julien');
    await agent.get(`/learner/modules/${MODULE}`);
    await readLesson(agent);
    w.t.clock.advanceMinutes(4);
    await playQuiz(agent, ['q-choix', 'q-vf', 'q-court']);
    await retry(agent, 'quiz');
    w.t.clock.advanceMinutes(2);
    await playQuiz(agent);
    await submitFiche(agent, false);
    // A statement from another part of the platform (the call player) counts the same way.
    const ids = activityIds(w.t.ctx.config.baseUrl);
    await w.t.ctx.lrs.service.storeStatements([
      {
        actor: learnerAgent(w.t.ctx.config.baseUrl, w.learner.id),
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { id: ids.item(OTHER_MODULE, 'appel'), objectType: 'Activity' },
        result: { completion: true, duration: 'PT3M30S' },
        context: { registration: '0190f1a2-0000-7000-8000-000000000001' },
      },
    ]);

    const stored = await w.t.ctx.learning.progress.forUser(w.learner.id);
    const rebuilt = foldProgress(w.t.ctx.config.baseUrl, await statementsOf(w.t, w.learner.id));
    expect(new Map(stored.map((r) => [progressKey(r), r]))).to.deep.equal(rebuilt);
    expect(stored.find((r) => r.itemId === 'quiz')).to.deep.include({ status: 'passed', attempts: 2, scoreScaled: 1 });
    expect(stored.find((r) => r.itemId === 'fiche')).to.deep.include({ status: 'failed', attempts: 1 });
    expect(stored.find((r) => r.itemId === 'appel')).to.deep.include({ status: 'completed', durationSeconds: 210 });

    // What the dashboard shows, recomputed from the rebuilt rows.
    const version = await w.t.ctx.learning.courses.latestVersion(MODULE);
    const expected = moduleProgress(version!.content, [...rebuilt.values()].filter((r) => r.moduleId === MODULE));
    const $ = cheerio.load((await agent.get('/learner')).text);
    expect($(`.module-card[data-module=${MODULE}] progress`).attr('value')).to.equal(String(expected.percent));
    expect(expected.percent).to.equal(50);
    expect($(`.module-card[data-module=${MODULE}] .progress-label`).text()).to.equal(`Avancement : ${expected.done} étape(s) sur ${expected.total}`);
    const module = cheerio.load((await agent.get(`/learner/modules/${MODULE}`)).text);
    expect(module('.item-status').map((_, e) => module(e).text().trim()).get()).to.deep.equal(['Terminé', 'Réussi · 100 %', 'À retravailler · 33 %', 'À faire']);
  });

  it('closes the module with a passed statement once every item is done, and opens the next module', async () => {
    await w.t.ctx.learning.assignment.assign(w.cohortId, [
      { moduleId: MODULE, position: 1, prerequisiteModuleId: null },
      { moduleId: OTHER_MODULE, position: 2, prerequisiteModuleId: MODULE },
    ]);
    const agent = await loginAs(w.t.app, 'julien');
    let dash = cheerio.load((await agent.get('/learner')).text);
    expect(dash(`.module-card[data-module=${OTHER_MODULE}] .locked`).text()).to.contain("Terminez d'abord le module « Module d'essai du lecteur ».");
    expect((await agent.get(`/learner/modules/${OTHER_MODULE}`)).status).to.equal(403);

    await agent.get(`/learner/modules/${MODULE}`);
    await readLesson(agent);
    await playQuiz(agent);
    await submitFiche(agent);
    await submitTri(agent);
    const statements = await statementsOf(w.t, w.learner.id);
    const last = statements[statements.length - 1] as unknown as { object: { id: string }; result: { success: boolean; completion: boolean; score: { scaled: number } } };
    expect(verbOf(statements[statements.length - 1])).to.equal('passed');
    expect(last.object.id).to.equal(activityIds(w.t.ctx.config.baseUrl).module(MODULE));
    expect(last.result).to.deep.include({ success: true, completion: true });
    const module = cheerio.load((await agent.get(`/learner/modules/${MODULE}`)).text);
    expect(module('.alert-success').text()).to.contain('Bravo');
    dash = cheerio.load((await agent.get('/learner')).text);
    expect(dash(`.module-card[data-module=${MODULE}] progress`).attr('value')).to.equal('100');
    expect(dash(`.module-card[data-module=${OTHER_MODULE}] .locked`).length).to.equal(0);
    expect((await agent.get(`/learner/modules/${OTHER_MODULE}`)).status).to.equal(200);
  });
});
