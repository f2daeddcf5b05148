import { expect } from 'chai';
import type request from 'supertest';
import { RIGHT_ANSWERS } from '../learning/play.ts';
import { attemptOn, cheerio, itemPath, learningWorld, loginAs, statementCount, statementsOf, verbOf, type LearningWorld } from '../learning/helpers.ts';
import { inParallel } from '../helpers/parallel.ts';

const PARALLEL = 20;
const QUESTIONS = Object.keys(RIGHT_ANSWERS);

describe('one unit of work per quiz answer: 20 parallel posts give exactly one effect', function () {
  this.timeout(120_000);
  let world: LearningWorld;
  let agent: request.Agent;
  beforeEach(async () => {
    world = await learningWorld();
    agent = await loginAs(world.t.app, 'julien');
  });
  afterEach(() => world.close());

  const answer = (attempt: string, csrf: string, questionId: string) => () =>
    agent.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: questionId, ...RIGHT_ANSWERS[questionId] });

  async function storedAnswers(attempt: string): Promise<{ status: string; answers: string[] }> {
    const row = await world.t.ctx.database.db.selectFrom('learning_attempts').select(['status', 'state_json']).where('id', '=', attempt).executeTakeFirstOrThrow();
    return { status: String(row.status), answers: Object.keys((JSON.parse(String(row.state_json)) as { answers?: Record<string, unknown> }).answers ?? {}) };
  }

  it('keeps one answer and one "answered" statement when the same answer is posted 20 times', async () => {
    const { attempt, csrf } = await attemptOn(agent, itemPath('quiz'));
    const before = await statementCount(world.t);
    const results = await inParallel(PARALLEL, answer(attempt, csrf, QUESTIONS[0]));
    expect(results.map((r) => r.status)).to.deep.equal(Array(PARALLEL).fill(303));
    expect(new Set(results.map((r) => r.headers.location)).size).to.equal(1);
    expect(await storedAnswers(attempt)).to.deep.equal({ status: 'in_progress', answers: [QUESTIONS[0]] });
    expect(await statementCount(world.t)).to.equal(before + 1);
    const answered = (await statementsOf(world.t, world.learner.id)).filter((s) => verbOf(s) === 'answered');
    expect(answered).to.have.length(1);
  });

  it('finishes the quiz once: 20 parallel posts of the last answer give one closing statement', async () => {
    const { attempt, csrf } = await attemptOn(agent, itemPath('quiz'));
    for (const questionId of QUESTIONS.slice(0, -1)) expect((await answer(attempt, csrf, questionId)()).status).to.equal(303);
    const before = await statementCount(world.t);
    const results = await inParallel(PARALLEL, answer(attempt, csrf, QUESTIONS[QUESTIONS.length - 1]));
    expect(results.map((r) => r.status)).to.deep.equal(Array(PARALLEL).fill(303));
    expect(await storedAnswers(attempt)).to.deep.equal({ status: 'passed', answers: QUESTIONS });
    // The last "answered" and the one "passed".
    expect(await statementCount(world.t)).to.equal(before + 2);
    const verbs = (await statementsOf(world.t, world.learner.id)).map(verbOf);
    expect(verbs.filter((v) => v === 'answered')).to.have.length(QUESTIONS.length);
    expect(verbs.filter((v) => v === 'passed' || v === 'failed')).to.deep.equal(['passed']);
  });

  it('refuses another answer to an answered question with the translated 409, and stores nothing', async () => {
    const { attempt, csrf } = await attemptOn(agent, itemPath('quiz'));
    expect((await answer(attempt, csrf, 'q-choix')()).status).to.equal(303);
    const before = await statementCount(world.t);
    const other = await agent.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: 'q-choix', answer: 'allo' });
    expect(other.status).to.equal(409);
    expect(cheerio.load(other.text)('main').text()).to.contain('Vous avez déjà répondu à cette question.');
    expect(await statementCount(world.t)).to.equal(before);
  });
});
