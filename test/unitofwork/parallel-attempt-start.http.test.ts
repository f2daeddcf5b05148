import { expect } from 'chai';
import type request from 'supertest';
import { itemPath, learningWorld, loginAs, statementsOf, verbOf, cheerio, type LearningWorld } from '../learning/helpers.ts';
import { playQuiz } from '../learning/play.ts';
import { inParallel } from '../helpers/parallel.ts';

const PARALLEL = 20;

describe('one attempt per start: 20 parallel first views or retries give one attempt and one "launched"', function () {
  this.timeout(120_000);
  let world: LearningWorld;
  let agent: request.Agent;
  beforeEach(async () => {
    world = await learningWorld();
    agent = await loginAs(world.t.app, 'julien');
  });
  afterEach(() => world.close());

  const attemptsOf = async (itemId: string) =>
    (await world.t.ctx.database.db.selectFrom('learning_attempts').select(['id', 'attempt_number', 'status']).where('user_id', '=', world.learner.id).where('item_id', '=', itemId).orderBy('attempt_number').execute()).map((r) => ({ number: Number(r.attempt_number), status: String(r.status), id: String(r.id) }));
  const launchedOn = async (itemId: string) => (await statementsOf(world.t, world.learner.id)).filter((s) => verbOf(s) === 'launched' && String((s.object as { id: string }).id).endsWith(`/${itemId}`));

  it('opens the quiz in 20 tabs at once: one attempt 1, one "launched", and every page shows that attempt', async () => {
    const pages = await inParallel(PARALLEL, () => agent.get(itemPath('quiz')));
    expect(pages.map((p) => p.status)).to.deep.equal(Array(PARALLEL).fill(200));
    const attempts = await attemptsOf('quiz');
    expect(attempts.map((a) => [a.number, a.status])).to.deep.equal([[1, 'in_progress']]);
    expect(new Set(pages.map((p) => cheerio.load(p.text)('input[name=attempt]').val()))).to.deep.equal(new Set([attempts[0].id]));
    expect(await launchedOn('quiz')).to.have.length(1);
  });

  it('retries a failed quiz 20 times at once: one attempt 2, one more "launched", no error', async () => {
    await playQuiz(agent, ['q-choix', 'q-vf', 'q-court']);
    expect((await attemptsOf('quiz')).map((a) => a.status)).to.deep.equal(['failed']);
    const csrf = String(cheerio.load((await agent.get(itemPath('quiz'))).text)('input[name=_csrf]').first().val());
    const results = await inParallel(PARALLEL, () => agent.post(`${itemPath('quiz')}/retry`).type('form').send({ _csrf: csrf }));
    expect(results.map((r) => r.status)).to.deep.equal(Array(PARALLEL).fill(303));
    expect((await attemptsOf('quiz')).map((a) => [a.number, a.status])).to.deep.equal([
      [1, 'failed'],
      [2, 'in_progress'],
    ]);
    expect(await launchedOn('quiz')).to.have.length(2);
  });
});
