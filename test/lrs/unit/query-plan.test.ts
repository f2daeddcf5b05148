import { expect } from 'chai';
import { encodeCursor, MAX_PAGE, nextPagePlan, planQuery } from '../../../src/lrs/statements/query-plan.ts';
import { timeOfStoredId } from '../../../src/lrs/storage/stored-id.ts';

describe('statement query planning', () => {
  it('puts the most selective term first and maps related_* to the broad terms', () => {
    const plan = planQuery({
      verb: 'http://x/v',
      agent: { mbox: 'mailto:a@example.com' },
      related_agents: true,
      activity: 'http://x/a',
      registration: 'AAAAAAAA-1D8E-4C6E-9C55-0D6B2F0C7A11',
    });
    expect(plan.terms).to.deep.equal([
      'reg:aaaaaaaa-1d8e-4c6e-9c55-0d6b2f0c7a11',
      'act:http://x/a',
      'ragent:agent|mbox|mailto:a@example.com',
      'verb:http://x/v',
    ]);
    expect(planQuery({ activity: 'http://x/a', related_activities: true }).terms).to.deep.equal(['ract:http://x/a']);
  });

  it('turns since/until into stored-id bounds at millisecond precision', () => {
    const plan = planQuery({ since: '2026-01-01T10:00:00.000500Z', until: '2026-01-01T11:00:00Z' });
    // stored > since  <=>  stored_ms >= floor(since) + 1
    expect(timeOfStoredId(plan.from as string)).to.equal(Date.parse('2026-01-01T10:00:00.000Z') + 1);
    // stored <= until <=>  id < first id of the next ms
    expect(timeOfStoredId(plan.to as string)).to.equal(Date.parse('2026-01-01T11:00:00.001Z'));
  });

  it('defaults and caps the limit, keeps direction', () => {
    expect(planQuery({}).limit).to.equal(MAX_PAGE);
    expect(planQuery({ limit: 0 }).limit).to.equal(MAX_PAGE);
    expect(planQuery({ limit: 100000 }).limit).to.equal(MAX_PAGE);
    expect(planQuery({ limit: 5, ascending: true })).to.include({ limit: 5, ascending: true });
  });

  it('round-trips cursors, refuses forged ones, and cannot be widened past extra terms', () => {
    const plan = nextPagePlan(planQuery({ verb: 'http://x/v', limit: 2 }), 'some-sid');
    const again = planQuery({ cursor: encodeCursor(plan) });
    expect(again).to.deep.equal(plan);
    expect(() => planQuery({ cursor: 'not-base64-json' })).to.throw(/cursor/);
    expect(() => planQuery({ cursor: Buffer.from('{"terms":[1]}').toString('base64url') })).to.throw(/cursor/);
    const mine = planQuery({ cursor: encodeCursor(plan) }, ['auth:me']);
    expect(mine.terms).to.include('auth:me');
  });

  it('refuses an agent without an identifier', () => {
    expect(() => planQuery({ agent: { name: 'nobody' } })).to.throw(/inverse functional identifier/);
  });
});
