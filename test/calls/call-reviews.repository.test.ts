import { expect } from 'chai';
import { CallReviewsRepository } from '../../src/server/calls/call-reviews.repository.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { movableClock } from '../helpers/app.ts';

describe('call reviews repository', () => {
  it('stores reviews and lists them per call (oldest first) and per learner (newest first)', async () => {
    const database = await createTestDatabase();
    try {
      const clock = movableClock();
      const reviews = new CallReviewsRepository(database.db, clock.now);
      const first = await reviews.add({ registration: 'reg-1', userId: 'learner-a', reviewerId: 'trainer', grid: { accueil: 'acquis', ecoute: { level: 2, note: 'bien' } }, comment: 'Bonne prise en charge.' });
      clock.advanceMinutes(5);
      await reviews.add({ registration: 'reg-2', userId: 'learner-a', reviewerId: 'trainer', grid: {}, comment: 'Reformulez davantage.' });
      clock.advanceMinutes(5);
      await reviews.add({ registration: 'reg-1', userId: 'learner-a', reviewerId: 'trainer-2', grid: { accueil: 'en_cours' }, comment: 'Deuxième écoute.' });
      await reviews.add({ registration: 'reg-3', userId: 'learner-b', reviewerId: 'trainer', grid: {}, comment: 'Autre stagiaire.' });

      const ofCall = await reviews.listForRegistration('reg-1');
      expect(ofCall.map((r) => r.comment)).to.deep.equal(['Bonne prise en charge.', 'Deuxième écoute.']);
      expect(ofCall[0]).to.deep.equal(first);
      expect(ofCall[0].grid).to.deep.equal({ accueil: 'acquis', ecoute: { level: 2, note: 'bien' } });
      expect(ofCall[0].createdAt).to.equal('2026-11-26T09:00:00.000Z');

      const ofLearner = await reviews.listForLearner('learner-a');
      expect(ofLearner.map((r) => r.comment)).to.deep.equal(['Deuxième écoute.', 'Reformulez davantage.', 'Bonne prise en charge.']);
      expect(await reviews.listForRegistration('unknown')).to.deep.equal([]);
    } finally {
      await database.close();
    }
  });
});
