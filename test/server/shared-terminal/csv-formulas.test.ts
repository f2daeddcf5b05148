import { expect } from 'chai';
import type request from 'supertest';
import { createUser } from '../../helpers/app.ts';
import { followupWorld, type FollowupWorld } from '../../followup/fixtures.ts';
import { smallModule, storeModules } from '../../followup/course-fixture.ts';

const FORMULA_NAME = "-2+3+cmd|' /C calc'!A0";

async function download(agent: request.Agent, path: string): Promise<{ status: number; text: string; headers: Record<string, string> }> {
  const res = await agent.get(path).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  return { status: res.status, text: (res.body as Buffer).toString('utf8'), headers: res.headers as Record<string, string> };
}

describe('issue 13: CSV exports neutralise formulas typed into names', () => {
  let w: FollowupWorld;
  before(async () => {
    w = await followupWorld(1);
    // The board has one line per learner and module: one module is enough.
    await storeModules(w.t.ctx, w.cohort.id, [smallModule('accueil', 'Accueillir un appel', [{ id: 'quiz', title: 'Quiz', type: 'quiz' }], ['CCP1.1'])]);
    const learner = await createUser(w.t.ctx, 'learner', 'formule', undefined, FORMULA_NAME);
    await w.t.ctx.services.cohorts.addMember(w.cohort.id, learner.id, { ip: null, actorId: null });
    await w.t.ctx.database.db
      .insertInto('attendance')
      .values({ user_id: learner.id, day: '2026-11-02', half_day: 'am', hours: 3.5, recorded_by: w.trainer.id, recorded_at: '2026-11-02T12:00:00.000Z' })
      .execute();
  });
  after(() => w.t.close());

  it('board.csv writes the name with a leading quote, so a spreadsheet keeps it as text', async () => {
    const res = await download(w.trainerAgent, `/trainer/board.csv?cohort=${w.cohort.id}`);
    expect(res.status).to.equal(200);
    const cells = res.text.split('\r\n').map((line) => line.split(';')[0]);
    expect(cells).to.include(`'${FORMULA_NAME}`);
    expect(cells).not.to.include(FORMULA_NAME);
    expect(res.headers['cache-control']).to.contain('no-store');
  });

  it('attendance.csv does the same (one CSV writer for every export)', async () => {
    const res = await download(w.trainerAgent, `/trainer/attendance.csv?cohort=${w.cohort.id}`);
    expect(res.status).to.equal(200);
    const cells = res.text.split('\r\n').map((line) => line.split(';')[0]);
    expect(cells).to.include(`'${FORMULA_NAME}`);
    expect(res.headers['cache-control']).to.contain('no-store');
  });
});
