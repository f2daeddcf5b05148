import { expect } from 'chai';
import { compareNames, sortByName } from '../../src/server/text/natural-order.ts';
import { sortBoard, type BoardRow } from '../../src/server/followup/cohort-board.ts';
import { createTestApp, createUser, type TestApp } from '../helpers/app.ts';

const row = (name: string): BoardRow => ({ learner: { id: name, name, login: name }, cells: [], fraction: 0, scoreScaled: null, durationSeconds: 0, lastActivity: null, modulesCompleted: 0 });

describe('natural order of names', () => {
  it('puts numbers by value, ignores case and accents', () => {
    const names = ['Stagiaire 10', 'stagiaire 2', 'Stagiaire 1', 'Émilie Roux', 'Eric Blanc', 'Stagiaire 21', 'Stagiaire 3'];
    expect(sortByName(names, (n) => n)).to.deep.equal(['Émilie Roux', 'Eric Blanc', 'Stagiaire 1', 'stagiaire 2', 'Stagiaire 3', 'Stagiaire 10', 'Stagiaire 21']);
    expect(compareNames('Stagiaire 9', 'Stagiaire 10')).to.be.below(0);
    expect(compareNames('élodie', 'Elodie')).to.equal(0);
  });

  it('sorts the board by name naturally, both ways', () => {
    const rows = ['Stagiaire 10', 'Stagiaire 2', 'Stagiaire 1'].map(row);
    expect(sortBoard(rows, 'name', 'asc').map((r) => r.learner.name)).to.deep.equal(['Stagiaire 1', 'Stagiaire 2', 'Stagiaire 10']);
    expect(sortBoard(rows, 'name', 'desc').map((r) => r.learner.name)).to.deep.equal(['Stagiaire 10', 'Stagiaire 2', 'Stagiaire 1']);
  });

  describe('lists read from the database', () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp();
    });
    after(() => t.close());

    it('gives a cohort\'s members trainers first, then learners in natural order; the users list too', async () => {
      const origin = { ip: null, actorId: null };
      const cohort = await t.ctx.services.cohorts.create({ name: 'Groupe 1', startDate: '2026-09-01', endDate: '2027-03-31' }, origin);
      for (const n of [10, 2, 1, 11]) {
        const u = await createUser(t.ctx, 'learner', `s${n}`, undefined, `Stagiaire ${n}`);
        await t.ctx.services.cohorts.addMember(cohort.id, u.id, origin);
      }
      const trainer = await createUser(t.ctx, 'trainer', 'zoe', undefined, 'Zoé Formatrice');
      await t.ctx.services.cohorts.addMember(cohort.id, trainer.id, origin);
      const members = await t.ctx.repositories.cohorts.members(cohort.id);
      expect(members.map((m) => m.displayName)).to.deep.equal(['Zoé Formatrice', 'Stagiaire 1', 'Stagiaire 2', 'Stagiaire 10', 'Stagiaire 11']);
      const learners = await t.ctx.repositories.users.list({ role: 'learner' });
      expect(learners.map((u) => u.displayName)).to.deep.equal(['Stagiaire 1', 'Stagiaire 2', 'Stagiaire 10', 'Stagiaire 11']);
    });
  });
});
