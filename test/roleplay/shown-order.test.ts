import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { applyChoice, availableActions, debrief, startCall, type CallState } from '../../src/server/roleplay/engine/index.ts';
import { loadScenarioFiles } from '../../src/server/roleplay/library/load-scenario-files.ts';
import type { ChoiceNode } from '../../src/server/roleplay/scenario/types.ts';
import { loadMini, MINI_LINES } from './helpers.ts';

const COURSES = fileURLToPath(new URL('../../courses', import.meta.url));
const scenario = loadMini();
const linesAt = (state: CallState): string[] => {
  const actions = availableActions(scenario, state);
  return actions.kind === 'choice' ? actions.choices.map((c) => c.text) : [];
};

describe('role-play engine: lines shown in a per-call order', () => {
  it('orders the lines from the call seed, the same on every read, and the authored order without a seed', () => {
    expect(linesAt(startCall(scenario, 0))).to.deep.equal([MINI_LINES.greeting, MINI_LINES.rude]);
    expect(linesAt(startCall(scenario, 0, 'appel-1'))).to.deep.equal([MINI_LINES.greeting, MINI_LINES.rude]);
    expect(linesAt(startCall(scenario, 0, 'appel-2'))).to.deep.equal([MINI_LINES.rude, MINI_LINES.greeting]);
    expect(linesAt(startCall(scenario, 5000, 'appel-2'))).to.deep.equal([MINI_LINES.rude, MINI_LINES.greeting]);
  });

  it('plays the line at the posted position and records what the screen showed', () => {
    const start = startCall(scenario, 0, 'appel-2');
    const step = applyChoice(scenario, start, { turn: 0, choice: 1 }, 4000);
    if (!step.ok) throw new Error(step.rejection.code);
    const entry = step.state.transcript.find((e) => e.kind === 'learner');
    expect(entry?.kind === 'learner' ? entry.answer : null).to.deep.include({ type: 'option', kind: 'say', index: 0, position: 1, shown: [1, 0], text: MINI_LINES.greeting });
    expect(step.state.phaseScores.accueil).to.deep.equal({ earned: 2, max: 2 });
    // The rude line at position 0 of this call: the debrief's better line is still the greeting.
    const rude = applyChoice(scenario, start, { turn: 0, choice: 0 }, 4000);
    if (!rude.ok) throw new Error(rude.rejection.code);
    expect(debrief(scenario, rude.state).turns[0].better?.text).to.equal(MINI_LINES.greeting);
  });

  it('refuses a position past the lines shown, and leaves the state untouched', () => {
    const start = startCall(scenario, 0, 'appel-2');
    const before = structuredClone(start);
    for (const choice of [2, -1, 0.5, Number.NaN]) {
      const step = applyChoice(scenario, start, { turn: 0, choice }, 4000);
      expect(step.ok ? 'applied' : step.rejection.code).to.equal('choice-not-offered');
    }
    expect(start).to.deep.equal(before);
  });

  it('over 400 calls, the authored first line of a shipped 3- or 4-line turn is shown at each position about as often', async () => {
    const { scenarios } = await loadScenarioFiles(COURSES);
    const turns = scenarios.flatMap(({ scenario: s }) => Object.values(s.nodes).filter((n): n is ChoiceNode => n.kind === 'choice' && n.options.filter((o) => o.kind === 'say').length >= 3).map((node) => ({ s, node })));
    expect(turns.length).to.be.above(0);
    const { s, node } = turns[0];
    const says = node.options.filter((o) => o.kind === 'say');
    const counts = says.map(() => 0);
    for (let call = 0; call < 400; call++) {
      // A state parked on that turn, seeded like call number `call`.
      const state: CallState = { ...startCall(s, 0, `appel-${call}`), node: node.id };
      const actions = availableActions(s, state);
      if (actions.kind !== 'choice') throw new Error('choice turn expected');
      counts[actions.choices.findIndex((c) => c.text === says[0].text)] += 1;
    }
    // Uniform would be 400 / n each; a seeded shuffle that avoided the authored order would leave position 0 near 0.
    for (const count of counts) expect(count).to.be.within(400 / says.length - 45, 400 / says.length + 45);
  });
});
