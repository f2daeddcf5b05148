/**
 * The progress projection is durable: it reads the LRS from its checkpoint, so a rebuild from the
 * LRS alone (the real CLI, as a child process on the same database) gives the live table back,
 * and a failing projection is logged and turns /healthz to "degraded" until it catches up.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import request from 'supertest';
import { sql } from 'kysely';
import { loginAs } from '../helpers/app.ts';
import { FIXTURE_COURSES, learningWorld, statementCount, type LearningWorld } from '../learning/helpers.ts';
import { playQuiz, readLesson, retry, submitFiche, submitTri } from '../learning/play.ts';
import { foldProgress } from '../../src/server/learning/progress/progress-reducer.ts';
import { progressKey, type ItemProgress } from '../../src/server/learning/progress/item-progress.ts';
import type { Statement } from '../../src/lrs/index.ts';
import { prng } from '../../bench/prng.ts';
import { anyTable } from '../helpers/database.ts';

const run = promisify(execFile);

async function allStatements(w: LearningWorld): Promise<Statement[]> {
  const out: Statement[] = [];
  let last = '';
  for (;;) {
    const page = await w.t.ctx.lrs.service.statementsAfter(last, 500);
    if (page.length === 0) return out;
    out.push(...page.map((p) => p.statement));
    last = page[page.length - 1].sid;
  }
}

const byKey = (rows: ItemProgress[]) => new Map(rows.map((r) => [progressKey(r), r]));

describe('durable projections: checkpoint, rebuild from the LRS, degraded health', function () {
  this.timeout(300_000);
  let w: LearningWorld;
  afterEach(() => w?.close());

  /** The child process works on the test's own database: the SQLite file, or the PostgreSQL schema. */
  const childUrl = () => {
    const { databaseUrl } = w.t.ctx.config;
    const { schema } = w.t.ctx.database;
    if (!schema) return databaseUrl;
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  };
  const rebuildWithCli = async (): Promise<{ statements: number; rows: number }> => {
    const { stdout } = await run('npx', ['tsx', 'src/server/cli/main.ts', 'projections', 'rebuild'], {
      env: { ...process.env, DATABASE_URL: childUrl(), BASE_URL: w.t.ctx.config.baseUrl, COURSES_DIR: FIXTURE_COURSES, LOG_LEVEL: 'error' },
      timeout: 120_000,
    });
    return JSON.parse(stdout.trim().split('\n').pop() as string) as { statements: number; rows: number };
  };

  it('after a random workload of two learners, `projections rebuild` gives the same table as the live projection', async () => {
    w = await learningWorld();
    const random = prng(20261203);
    const agents = [await loginAs(w.t.app, 'julien'), await loginAs(w.t.app, 'sofiane')];
    // The questions play.ts knows how to get wrong.
    const questions = ['q-choix', 'q-vf', 'q-court'];
    // Each learner goes through the module in order; who acts next, the wrong answers and the
    // retries are random.
    const next = [0, 0];
    const actions: string[] = [];
    for (let step = 0; step < 14; step++) {
      const who = next[0] >= 5 ? 1 : next[1] >= 5 ? 0 : random() < 0.5 ? 0 : 1;
      if (next[who] >= 5) break;
      const agent = agents[who];
      w.t.clock.advanceMinutes(1 + Math.floor(random() * 5));
      const stage = next[who];
      if (stage === 0) await readLesson(agent);
      else if (stage === 1) await playQuiz(agent, questions.filter(() => random() < 0.4));
      else if (stage === 2) {
        if (random() < 0.6) {
          await retry(agent, 'quiz');
          await playQuiz(agent, questions.filter(() => random() < 0.2));
        }
      } else if (stage === 3) await submitFiche(agent, random() < 0.5);
      else await submitTri(agent);
      await agent.get('/learner/modules/essai-player');
      next[who] += 1;
      actions.push(`${who}:${stage}`);
    }
    const live = await w.t.ctx.learning.progress.all();
    expect(live.length, `rows after ${actions.join(' ')}`).to.be.greaterThan(3);
    // The live table is the fold of the LRS (an independent computation over every statement)...
    expect(byKey(live)).to.deep.equal(foldProgress(w.t.ctx.config.baseUrl, await allStatements(w)));

    // ...and the real CLI, from the LRS alone, writes exactly that table back.
    const result = await rebuildWithCli();
    expect(result.statements).to.equal(await statementCount(w.t));
    expect(result.rows).to.equal(live.length);
    expect(byKey(await w.t.ctx.learning.progress.all())).to.deep.equal(byKey(live));
  });

  it('a rebuild repairs a damaged table, and leaves the checkpoint at the newest statement', async () => {
    w = await learningWorld();
    const agent = await loginAs(w.t.app, 'julien');
    await readLesson(agent);
    await playQuiz(agent, ['q-vf']);
    const good = await w.t.ctx.learning.progress.all();
    const { db } = w.t.ctx.database;
    await db.updateTable('learner_item_progress').set({ attempts: 99, status: 'failed' }).where('item_id', '=', 'quiz').execute();
    await db.deleteFrom('learner_item_progress').where('item_id', '=', 'lecon').execute();

    await rebuildWithCli();
    expect(byKey(await w.t.ctx.learning.progress.all())).to.deep.equal(byKey(good));
    expect(good.find((r) => r.itemId === 'quiz')).to.deep.include({ attempts: 1 });
    const newest = await anyTable(w.t.ctx.database).selectFrom('lrs_statement').select('sid').orderBy('sid', 'desc').limit(1).executeTakeFirstOrThrow();
    const checkpoint = await db.selectFrom('projection_checkpoint').select('last_sid').where('name', '=', 'learner_item_progress').executeTakeFirstOrThrow();
    expect(checkpoint.last_sid).to.equal(newest.sid);
  });

  it('a failing projection is logged and turns /healthz to degraded; the next store catches up what it missed', async () => {
    w = await learningWorld();
    const agent = await loginAs(w.t.app, 'julien');
    expect((await request(w.t.app).get('/healthz')).body).to.deep.include({ status: 'ok' });
    const { db } = w.t.ctx.database;
    await sql`alter table learner_item_progress rename to learner_item_progress_away`.execute(db);

    const logged: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      // The learner's action itself commits: the statement is in the LRS.
      await readLesson(agent);
    } finally {
      process.stderr.write = write;
    }
    expect(logged.join('')).to.contain('progress projection: catch-up failed');
    const degraded = await request(w.t.app).get('/healthz');
    expect(degraded.status).to.equal(503);
    expect(degraded.body.status).to.equal('degraded');
    expect(degraded.body.projections[0]).to.deep.include({ name: 'learner_item_progress', ok: false });

    await sql`alter table learner_item_progress_away rename to learner_item_progress`.execute(db);
    expect(await w.t.ctx.learning.progress.all()).to.deep.equal([]);
    await agent.get('/learner/modules/essai-player/items/quiz');
    await playQuiz(agent);
    const healed = await request(w.t.app).get('/healthz');
    expect(healed.status).to.equal(200);
    expect(healed.body.status).to.equal('ok');
    const rows = await w.t.ctx.learning.progress.all();
    // The lesson finished while the projection was down is there too.
    expect(rows.find((r) => r.itemId === 'lecon')).to.deep.include({ status: 'completed' });
    expect(rows.find((r) => r.itemId === 'quiz')).to.deep.include({ status: 'passed' });
  });
});
