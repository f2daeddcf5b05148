import { expect } from 'chai';
import { weekSeries } from '../../src/server/followup/week-series.ts';

describe('weekSeries', () => {
  it('zero-fills the last weeks up to today, oldest first', () => {
    expect(weekSeries([{ week: '2026-11-16', seconds: 60 }], '2026-11-26', 3)).to.deep.equal([
      { week: '2026-11-09', seconds: 0 },
      { week: '2026-11-16', seconds: 60 },
      { week: '2026-11-23', seconds: 0 },
    ]);
  });
  it('starts no earlier than the week of the cohort start', () => {
    expect(weekSeries([], '2026-11-26', 10, '2026-11-18').map((w) => w.week)).to.deep.equal(['2026-11-16', '2026-11-23']);
  });
});
