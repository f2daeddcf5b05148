import { expect } from 'chai';
import { applyAction, applyChoice, applyFreeResponse, debrief, startCall, type CallState } from '../../src/server/roleplay/engine/index.ts';
import { applyRescores, latestByTurn, typedTurns, type TurnRescore } from '../../src/server/calls/rescore/turn-rescore.ts';
import { loadMini } from '../roleplay/helpers.ts';

const scenario = loadMini();
const T0 = Date.parse('2026-11-26T08:00:00.000Z');

/** The mini call played to its end, with a typed answer that misses the rubric. */
function played(): CallState {
  let state = startCall(scenario, T0);
  for (const step of [
    (s: CallState) => applyChoice(scenario, s, { turn: s.turn, choice: 0 }, T0 + 5_000),
    (s: CallState) => applyAction(scenario, s, { turn: s.turn, type: 'lookup', field: 'livraison' }, T0 + 10_000),
    (s: CallState) => applyChoice(scenario, s, { turn: s.turn, choice: 0 }, T0 + 15_000),
    (s: CallState) => applyFreeResponse(scenario, s, { turn: s.turn, text: 'Je regarde ça pour vous tout de suite.' }, T0 + 30_000),
  ]) {
    const next = step(state);
    if (!next.ok) throw new Error(next.rejection.message);
    state = next.state;
  }
  return state;
}

const rescore = (turn: number, percent: number, revision: number): TurnRescore => ({ id: `r${revision}`, registration: 'r', turn, percent, reviewerId: 't', revision, createdAt: '2026-11-26T10:00:00.000Z' });

describe('calls: a trainer score applied to a call (pure)', () => {
  it('only typed answers can be re-scored', () => {
    const state = played();
    expect([...typedTurns(state).keys()]).to.deep.equal([3]);
  });

  it('the typed answer earns the trainer share of its points; phase and competency tallies follow; the rest is untouched', () => {
    const state = played();
    expect(applyRescores(state, [])).to.equal(state);
    const full = applyRescores(state, [rescore(3, 100, 1)]);
    // reformulation: 4 points; CCP1.1: 2 from the greeting + 2 from the typed answer.
    expect(full.phaseScores.reformulation).to.deep.equal({ earned: 4, max: 4 });
    expect(full.competencyScores['CCP1.1']).to.deep.equal({ earned: 4, max: 4 });
    expect(full.phaseScores.accueil).to.deep.equal(state.phaseScores.accueil);
    expect(debrief(scenario, full).scorePercent).to.equal(100);
    const none = applyRescores(state, [rescore(3, 0, 1)]);
    expect(none.phaseScores.reformulation).to.deep.equal({ earned: 0, max: 4 });
    expect(none.competencyScores['CCP1.1']).to.deep.equal({ earned: 2, max: 4 });
    expect(none.ended).to.deep.equal(state.ended);
    expect(none.node).to.equal(state.node);
  });

  it('the highest revision of a turn is in effect, whatever the order given', () => {
    const rescores = [rescore(3, 20, 2), rescore(3, 100, 1), rescore(3, 50, 3)];
    expect(latestByTurn(rescores).get(3)?.percent).to.equal(50);
    expect(applyRescores(played(), rescores).phaseScores.reformulation).to.deep.equal({ earned: 2, max: 4 });
  });
});
