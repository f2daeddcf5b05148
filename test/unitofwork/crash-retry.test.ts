/**
 * Crash test: the real server (src/server/main.ts) runs as a child process on the test's database; a
 * scripted learner answers a quiz over HTTP; the server is killed with SIGKILL while each answer
 * is in flight, at several points, then restarted, and the answer is posted again. After every
 * restart: the retry succeeds, the attempt's answers and the LRS's "answered" statements are
 * the same set (no phantom statement, no half-done answer), nothing is duplicated, and the
 * progress projection equals a rebuild from the LRS.
 */
import type { ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import { freePort } from '../helpers/free-port.ts';
import { browser, childDatabaseUrl, killServer, startServer } from '../helpers/real-server.ts';
import { RIGHT_ANSWERS } from '../learning/play.ts';
import { FIXTURE_COURSES, itemPath, learningWorld, statementsOf, verbOf, type LearningWorld } from '../learning/helpers.ts';
import { foldProgress } from '../../src/server/learning/progress/progress-reducer.ts';
import { progressKey } from '../../src/server/learning/progress/item-progress.ts';

/** Milliseconds between sending an answer and the kill; overridable, printed. */
const KILL_DELAYS = (process.env.CRASH_DELAYS_MS ?? '0,12').split(',').map(Number);

describe('crash test: kill -9 of the real server while quiz answers are in flight', function () {
  this.timeout(600_000);
  let world: LearningWorld;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child) await killServer(child);
    await world?.close();
  });

  it('retries every answer after a crash at each point: one answer, one statement, nothing half done', async () => {
    world = await learningWorld();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const start = () => startServer(port, { DATABASE_URL: childDatabaseUrl(world.t.ctx), BASE_URL: world.t.ctx.config.baseUrl, COURSES_DIR: FIXTURE_COURSES });
    const learner = browser(base);
    child = await start();
    expect(await learner.login('julien')).to.equal(303);
    const quiz = await learner.get(itemPath('quiz'));
    const attempt = String(quiz.$('input[name=attempt]').val());
    const csrf = String(quiz.$('input[name=_csrf]').first().val());

    const invariants = async () => {
      const row = await world.t.ctx.database.db.selectFrom('learning_attempts').select(['status', 'state_json']).where('id', '=', attempt).executeTakeFirstOrThrow();
      const kept = Object.keys((JSON.parse(String(row.state_json)) as { answers?: Record<string, unknown> }).answers ?? {}).sort();
      const statements = (await statementsOf(world.t, world.learner.id)).filter((s) => (s.context as { registration?: string }).registration === attempt);
      const answered = statements.filter((s) => verbOf(s) === 'answered').map((s) => String((s.object as { id: string }).id).split('/').pop() as string);
      // Exactly the kept answers: no duplicate, no phantom statement, no answer without its statement.
      expect([...answered].sort()).to.deep.equal(kept);
      const closing = statements.filter((s) => ['passed', 'failed'].includes(String(verbOf(s))));
      expect(closing.length).to.equal(row.status === 'in_progress' ? 0 : 1);
      // The progress projection (caught up at start) equals a rebuild from the LRS.
      const live = await world.t.ctx.learning.progress.forUser(world.learner.id);
      const rebuilt = foldProgress(world.t.ctx.config.baseUrl, await statementsOf(world.t, world.learner.id));
      expect(new Map(live.map((r) => [progressKey(r), r]))).to.deep.equal(rebuilt);
      return kept;
    };

    let crashes = 0;
    let keptBeforeRetry = 0;
    const questions = Object.keys(RIGHT_ANSWERS);
    for (const [index, questionId] of questions.entries()) {
      const form = { _csrf: csrf, attempt, question: questionId, ...RIGHT_ANSWERS[questionId] };
      for (const delay of KILL_DELAYS) {
        const inFlight = learner.post(`${itemPath('quiz')}/answer`, form).catch(() => null);
        await new Promise((r) => setTimeout(r, delay));
        await killServer(child);
        await inFlight;
        crashes += 1;
        child = await start();
        // Before the retry: either the answer is wholly there or not at all.
        const before = await invariants();
        expect(before.length).to.be.oneOf([index, index + 1]);
        if (before.length === index + 1) keptBeforeRetry += 1;
        expect((await learner.post(`${itemPath('quiz')}/answer`, form)).status, `retry of ${questionId} after a kill at ${delay} ms`).to.equal(303);
        expect(await invariants()).to.have.length(index + 1);
      }
    }
    const finalRow = await world.t.ctx.database.db.selectFrom('learning_attempts').select(['status']).where('id', '=', attempt).executeTakeFirstOrThrow();
    expect(finalRow.status).to.equal('passed');
    console.log(`      crash points tried: ${crashes} (${questions.length} answers x delays ${KILL_DELAYS.join(', ')} ms); the answer had committed before the kill in ${keptBeforeRetry}`);
  });
});
