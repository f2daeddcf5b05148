/**
 * Crash test for calls: the real server runs as a child process on the test's database; a
 * scripted learner picks up the phone and plays the call to its end. The server is killed with
 * SIGKILL while each action (the start, every turn) is in flight, at several points, restarted,
 * and the same form is posted again. After each restart: at most one call in progress, every
 * call's statements match its state (one "initialized", one statement per turn, one closing
 * once it ended: no phantom turn), the retry is accepted, and the progress projection
 * equals a rebuild from the LRS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { foldProgress } from '../../src/server/learning/progress/progress-reducer.ts';
import { progressKey } from '../../src/server/learning/progress/item-progress.ts';
import { learnerAgent } from '../../src/server/xapi/actor.ts';
import { VERBS } from '../../src/server/xapi/vocabulary.ts';
import type { Statement } from '../../src/lrs/index.ts';
import { createTestApp, createUser, type TestApp } from '../helpers/app.ts';
import { freePort } from '../helpers/free-port.ts';
import { browser, childDatabaseUrl, crashPoints, killServer, startServer } from '../helpers/real-server.ts';
import { assignModule, ITEM_ID, MODULE_ID, writeCallLibrary } from '../calls/support.ts';

const KILL_DELAYS = (process.env.CRASH_DELAYS_MS ?? '0,50,300,1500').split(',').map(Number);
const CLOSING = new Set<string>([VERBS.completed.id, VERBS.passed.id, VERBS.failed.id]);
const TURN_KINDS = new Set(['learner', 'timeout', 'lookup', 'hold', 'transfer']);
const TURN_VERBS = new Set<string>([VERBS.answered.id, VERBS.interacted.id]);
const verbOf = (s: Statement) => (s.verb as { id: string }).id;
const TYPED = 'Je vous confirme, madame, que votre colis sera livré le 12 mars. Merci de votre patience.';

describe('crash test: kill -9 of the real server while call actions are in flight', function () {
  this.timeout(900_000);
  let t: TestApp;
  let root: string;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child) await killServer(child);
    fs.rmSync(root, { recursive: true, force: true });
    await t.close();
  });

  it('retries the start and every turn after a crash at each point: one call, one statement per turn, nothing half done', async () => {
    t = await createTestApp();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-crash-calls-'));
    writeCallLibrary(root);
    await importCourseLibrary(t.ctx.database.db, root, t.clock.now);
    const learner = await createUser(t.ctx, 'learner', 'stagiaire-a');
    await assignModule(t, learner.id);
    const port = await freePort();
    const start = () => startServer(port, { DATABASE_URL: childDatabaseUrl(t.ctx), BASE_URL: t.ctx.config.baseUrl, COURSES_DIR: root });
    const agent = browser(`http://127.0.0.1:${port}`);
    child = await start();
    expect(await agent.login('stagiaire-a')).to.equal(303);

    const calls = () => t.ctx.database.db.selectFrom('roleplay_calls').select(['id', 'status', 'state_json', 'registration']).where('user_id', '=', learner.id).execute();
    const invariants = async () => {
      const rows = await calls();
      expect(rows.filter((r) => r.status === 'in_progress').length, 'calls in progress').to.be.at.most(1);
      for (const row of rows) {
        const statements = (await t.ctx.lrs.service.queryStatements({ registration: String(row.registration), limit: 500 })).statements;
        const state = JSON.parse(String(row.state_json)) as { transcript: Array<{ kind: string }> };
        expect(statements.filter((s) => verbOf(s) === VERBS.initialized.id), 'initialized').to.have.length(1);
        // One statement per turn of the transcript (a line, a typed answer, a silence that timed out, a
        // look-up, hold or transfer): no phantom turn, no turn without its statement.
        const turnEntries = state.transcript.filter((e) => TURN_KINDS.has(e.kind)).length;
        expect(statements.filter((s) => TURN_VERBS.has(verbOf(s))).length, `turn statements of ${String(row.state_json).slice(0, 600)}`).to.equal(turnEntries);
        expect(statements.filter((s) => CLOSING.has(verbOf(s))).length, 'closing').to.equal(row.status === 'in_progress' || row.status === 'abandoned' ? 0 : 1);
      }
      const live = await t.ctx.learning.progress.forUser(learner.id);
      const all = (await t.ctx.lrs.service.queryStatements({ agent: learnerAgent(t.ctx.config.baseUrl, learner.id), ascending: true, limit: 500 })).statements;
      expect(new Map(live.map((r) => [progressKey(r), r]))).to.deep.equal(foldProgress(t.ctx.config.baseUrl, all));
      return rows;
    };
    const { counts, crashAndRetry } = crashPoints({
      delays: KILL_DELAYS,
      kill: () => killServer(child as ChildProcess),
      restart: async () => {
        child = await start();
      },
      invariants,
    });

    const startPage = await agent.get(`/learner/calls/start?module=${MODULE_ID}&item=${ITEM_ID}`);
    const startForm = { _csrf: String(startPage.$('input[name=_csrf]').first().val()), module: MODULE_ID, item: ITEM_ID };
    const inProgress = async () => (await calls()).filter((r) => r.status === 'in_progress').map((r) => String(r.id));
    let turns = 0;
    const CALLS = 3;
    for (let n = 1; n <= CALLS; n++) {
      await crashAndRetry(`the start of call ${n}`, () => agent.post('/learner/calls/start', startForm), async () => String((await calls()).length));
      const [callId] = await inProgress();
      expect(callId, `call ${n} in progress`).to.be.a('string');
      const turnOf = async () => {
        const row = (await calls()).find((r) => r.id === callId);
        return `${row?.status}:${(JSON.parse(String(row?.state_json)) as { turn: number }).turn}`;
      };
      for (let played = 0; played < 12 && (await turnOf()).startsWith('in_progress'); played++, turns++) {
        const player = await agent.get(`/learner/calls/${callId}`);
        const form = player.$('form.call-choices').length > 0 ? player.$('form.call-choices') : player.$('textarea[name=response]').closest('form');
        const fields: Record<string, string> = { _csrf: String(form.find('input[name=_csrf]').val()), turn: String(form.find('input[name=turn]').val()) };
        // The longest line shown (in the fixture it keeps the customer on the line longest), or a typed answer.
        if (form.find('textarea[name=response]').length > 0) fields.response = TYPED;
        else {
          const lines = form.find('button[name=choice]').not('[disabled]').toArray().map((el) => ({ value: String(player.$(el).val()), length: player.$(el).text().trim().length }));
          fields.choice = lines.sort((a, b) => b.length - a.length)[0].value;
        }
        await crashAndRetry(`turn ${fields.turn} of call ${n}`, () => agent.post(`/learner/calls/${callId}/turn`, fields), turnOf);
      }
      expect(await inProgress(), `call ${n} ended`).to.deep.equal([]);
    }
    const rows = await invariants();
    expect(rows).to.have.length(CALLS);
    expect(turns).to.be.greaterThan(CALLS);
    console.log(`      call crash points tried: ${counts.crashes} (${CALLS} starts and ${turns} turns, delays ${KILL_DELAYS.join(', ')} ms in turn); the action had committed before the kill in ${counts.committedBeforeKill}`);
  });
});
