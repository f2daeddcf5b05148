import { expect } from 'chai';
import { applyAction, applyChoice, applyFreeResponse, startCall, type CallState, type Step } from '../../src/server/roleplay/engine/index.ts';
import { parseScenario } from '../../src/server/roleplay/scenario/parse-scenario.ts';
import type { Scenario } from '../../src/server/roleplay/scenario/types.ts';
import { COMPETENCY_CODES, edit, fixtureText, lineOf } from './helpers.ts';

const FILE = 'module/roleplays/mini.yaml';
const T0 = Date.UTC(2026, 10, 26, 15, 0, 0);
const at = (seconds: number): number => T0 + seconds * 1000;

const FORBIDDEN = `      forbidden:
        - { label: une date inventée, anyOf: [demain, ce soir], blocking: true, tag: information fausse }
        - { label: une promesse de geste commercial, anyOf: [je vous offre, remboursé], blocking: false }
      avoid: [pas de souci, problème]`;
const SAMPLES = `    model: Je vous confirme, madame, que votre colis sera livré le 12 mars.
    samples:
      good: ["Madame, votre colis sera livré le 12 mars."]
      bad: ["Votre colis arrive demain madame.", colis 12 mars]`;

const mini = fixtureText('mini');
const withFaults = edit(edit(mini, '      avoid: [pas de souci, problème]', FORBIDDEN), '    model: Je vous confirme, madame, que votre colis sera livré le 12 mars.', SAMPLES);

function parsed(text: string): Scenario {
  const result = parseScenario(text, FILE, { competencyCodes: COMPETENCY_CODES });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

function errorsOf(text: string): Array<{ file: string; line?: number; message: string }> {
  const result = parseScenario(text, FILE, { competencyCodes: COMPETENCY_CODES });
  return result.ok ? [] : result.errors;
}

function ok(step: Step): CallState {
  if (!step.ok) throw new Error(`rejected: ${step.rejection.code}`);
  return step.state;
}

describe('typed turns: forbidden concepts and samples', () => {
  it('parses forbidden concepts and samples', () => {
    const node = parsed(withFaults).nodes.reformuler;
    if (node.kind !== 'free') throw new Error('reformuler is a typed turn');
    expect(node.rubric.forbidden).to.deep.equal([
      { label: 'une date inventée', anyOf: ['demain', 'ce soir'], blocking: true, tag: 'information fausse' },
      { label: 'une promesse de geste commercial', anyOf: ['je vous offre', 'remboursé'], blocking: false },
    ]);
    expect(node.samples).to.deep.equal({ good: ['Madame, votre colis sera livré le 12 mars.'], bad: ['Votre colis arrive demain madame.', 'colis 12 mars'] });
  });

  it('reports malformed forbidden concepts and samples on their line', () => {
    const badBlocking = edit(withFaults, 'blocking: true, tag: information fausse', 'blocking: oui');
    expect(errorsOf(badBlocking)).to.deep.include({ file: FILE, line: lineOf(badBlocking, 'blocking: oui'), message: '« blocking » doit valoir true ou false.' });
    const clash = edit(withFaults, 'anyOf: [demain, ce soir]', 'anyOf: [demain, colis]');
    expect(errorsOf(clash).map((e) => e.message)).to.include('« colis » est à la fois exigé et à éviter.');
    const unknown = edit(withFaults, '      bad: ["Votre colis', '      wrong: ["Votre colis');
    expect(errorsOf(unknown).map((e) => e.message)).to.include('clé inconnue « wrong » (clés possibles : good, bad).');
    const notAMap = edit(withFaults, '    samples:\n      good: ["Madame, votre colis sera livré le 12 mars."]\n      bad: ["Votre colis arrive demain madame.", colis 12 mars]', '    samples: [une réponse]');
    expect(errorsOf(notAMap)).to.deep.include({ file: FILE, line: lineOf(notAMap, 'samples: [une réponse]'), message: '« samples » : un bloc { good: [...], bad: [...] } est attendu.' });
  });

  it('carries a blocking fault and its tag into the transcript, and takes the weak branch', () => {
    const scenario = parsed(withFaults);
    const atReponse = ok(applyChoice(scenario, startCall(scenario, T0), { turn: 0, choice: 0 }, at(10)));
    const reformuler = ok(applyAction(scenario, atReponse, { turn: 1, type: 'hold' }, at(20)));
    expect(reformuler.node).to.equal('reformuler');
    const state = ok(applyFreeResponse(scenario, reformuler, { turn: 2, text: 'Je vous confirme, madame, que votre colis sera livré demain, le 12 mars.' }, at(40)));
    const entry = state.transcript.find((e) => e.kind === 'learner' && e.node === 'reformuler');
    if (entry?.kind !== 'learner' || entry.answer.type !== 'free') throw new Error('no typed answer recorded');
    expect(entry.blockingFaults).to.deep.equal([{ label: 'une date inventée', tag: 'information fausse' }]);
    expect(entry.tags).to.deep.equal(['information fausse']);
    expect(entry.answer.rubric).to.deep.include({ passed: false, forbidden: ['une date inventée'], percent: 75 });
    expect(entry.feedback).to.contain('Faute grave : une date inventée.');
    expect(state.mood).to.equal(reformuler.mood - 5);
  });

  it('records no fault on a clean answer', () => {
    const scenario = parsed(withFaults);
    const atReponse = ok(applyChoice(scenario, startCall(scenario, T0), { turn: 0, choice: 0 }, at(10)));
    const reformuler = ok(applyAction(scenario, atReponse, { turn: 1, type: 'hold' }, at(20)));
    const state = ok(applyFreeResponse(scenario, reformuler, { turn: 2, text: 'Je vous confirme, madame, que votre colis sera livré le 12 mars.' }, at(40)));
    const entry = state.transcript.find((e) => e.kind === 'learner' && e.node === 'reformuler');
    if (entry?.kind !== 'learner') throw new Error('no typed answer recorded');
    expect(entry.blockingFaults).to.equal(undefined);
    expect(entry.tags).to.deep.equal([]);
  });
});
