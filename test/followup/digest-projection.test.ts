import { expect } from 'chai';
import { cheerio } from '../helpers/app.ts';
import { followupWorld, type FollowupWorld } from './fixtures.ts';
import { smallModule, storeModules } from './course-fixture.ts';
import { ourStatement } from './statements.ts';

/** The stored digest row of a learner, as the board and learner page read it. */
async function digestRow(w: FollowupWorld, userId: string) {
  return w.t.ctx.database.db.selectFrom('followup_learner_digest').selectAll().where('user_id', '=', userId).executeTakeFirst() as Promise<
    { watermark: string; digest: string; state: string | null } | undefined
  >;
}

describe('learner digests kept by the LRS subscriber (no fold on the first read)', () => {
  let w: FollowupWorld;
  before(async () => {
    w = await followupWorld(1);
    await storeModules(w.t.ctx, w.cohort.id, [smallModule('accueil', 'Accueillir un appel', [{ id: 'quiz', title: 'Quiz accueil', type: 'quiz' }, { id: 'quiz2', title: 'Quiz 2', type: 'quiz' }], ['CCP1.1'])]);
  });
  after(() => w.t.close());

  it('stores the digest with the statements, before any page asks for it', async () => {
    const [a] = w.learners;
    expect(await digestRow(w, a.id)).to.equal(undefined);
    await w.t.ctx.lrs.service.storeStatements([
      ourStatement({ userId: a.id, verb: 'passed', itemId: 'quiz', name: 'Quiz accueil', timestamp: '2026-11-10T09:00:00.000Z', result: { score: { scaled: 0.9 }, success: true, duration: 'PT30M' } }),
    ]);
    const row = await digestRow(w, a.id);
    const digest = JSON.parse(row?.digest ?? '{}') as { statementCount: number; weeks: unknown[] };
    expect(digest.statementCount).to.equal(1);
    expect(digest.weeks).to.deep.equal([{ week: '2026-11-09', seconds: 1800 }]);
  });

  it('adds new work to the stored state: the page shows the same figures as a fold of everything', async () => {
    const [a] = w.learners;
    await w.t.ctx.lrs.service.storeStatements([
      ourStatement({ userId: a.id, verb: 'passed', itemId: 'quiz2', name: 'Quiz 2', timestamp: '2026-11-11T09:00:00.000Z', result: { score: { scaled: 0.7 }, success: true, duration: 'PT10M' } }),
    ]);
    const incremental = JSON.parse((await digestRow(w, a.id))?.digest ?? '{}') as { statementCount: number; weeks: unknown[]; competencies: Array<{ code: string; evidenceCount: number; averageScaled: number }> };
    expect(incremental.statementCount).to.equal(2);
    expect(incremental.weeks).to.deep.equal([{ week: '2026-11-09', seconds: 2400 }]);
    expect(incremental.competencies.find((c) => c.code === 'CCP1.1')).to.include({ evidenceCount: 2, averageScaled: 0.8 });

    // Forget the digests: the next read folds everything again and must agree.
    await w.t.ctx.followup.digests.clear();
    const res = await w.trainerAgent.get(`/trainer/learners/${a.id}`);
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    const row = $('.competency-table tbody tr').filter((_, e) => $(e).find('th').text().startsWith('CCP1.1 '));
    expect(row.find('.level').text()).to.equal('acquis');
    expect(row.find('td.num').map((_, e) => $(e).text()).get()).to.deep.equal(['2', '80 %']);
    const folded = JSON.parse((await digestRow(w, a.id))?.digest ?? '{}') as unknown;
    expect(folded).to.deep.equal(incremental);
  });

  it('folds again from the start when a statement of the learner is voided', async () => {
    const [a] = w.learners;
    const [id] = await w.t.ctx.lrs.service.storeStatements([
      ourStatement({ userId: a.id, verb: 'passed', itemId: 'quiz', name: 'Quiz accueil', timestamp: '2026-11-12T09:00:00.000Z', result: { score: { scaled: 0.1 }, success: false, duration: 'PT5M' } }),
    ]);
    expect((JSON.parse((await digestRow(w, a.id))?.digest ?? '{}') as { statementCount: number }).statementCount).to.equal(3);
    await w.t.ctx.lrs.service.storeStatements([
      { actor: ourStatement({ userId: a.id, verb: 'passed', itemId: 'quiz', name: 'x' }).actor, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id } },
    ]);
    const digest = JSON.parse((await digestRow(w, a.id))?.digest ?? '{}') as { weeks: unknown[]; competencies: Array<{ code: string; averageScaled: number }> };
    expect(digest.weeks).to.deep.equal([{ week: '2026-11-09', seconds: 2400 }]);
    expect(digest.competencies.find((c) => c.code === 'CCP1.1')).to.include({ averageScaled: 0.8 });
  });
});
