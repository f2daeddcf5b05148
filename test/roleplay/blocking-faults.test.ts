import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { applyFreeResponse, availableActions, type CallState, type Grader } from '../../src/server/roleplay/engine/index.ts';
import { loadScenarioFiles, type ScenarioFile } from '../../src/server/roleplay/library/load-scenario-files.ts';
import { scoreRubric } from '../../src/server/roleplay/rubric/score-rubric.ts';
import { blockingFaultCode, blockingFaultsOf, STANDARD_BLOCKING_TAGS } from '../../src/server/roleplay/scenario/blocking-faults.ts';
import type { Scenario } from '../../src/server/roleplay/scenario/types.ts';
import { edit, fixtureText, loadMini, parse } from './helpers.ts';
import { modelAnswers, modelExceptAt, playCall, playOn, type ShownLine } from './play-call.ts';

const COURSES = fileURLToPath(new URL('../../courses', import.meta.url));
const tagged = (tag: string) => (lines: ShownLine[]): ShownLine => {
  const line = lines.find((l) => l.option.tags.includes(tag));
  if (!line) throw new Error(`no line tagged ${tag}`);
  return line;
};

describe('blocking faults', () => {
  let library: ScenarioFile[] = [];
  const shipped = (id: string): Scenario => {
    const found = library.find((s) => s.scenario.id === id);
    if (!found) throw new Error(`scenario ${id} not shipped`);
    return found.scenario;
  };

  before(async () => {
    library = (await loadScenarioFiles(COURSES)).scenarios;
  });

  it('lists the six standard tags with stable codes', () => {
    expect(Object.keys(STANDARD_BLOCKING_TAGS).sort()).to.deep.equal(
      ['divulgation', 'données avant vérification', 'information fausse', 'mention obligatoire oubliée', 'mépris', 'promesse intenable'],
    );
    expect(blockingFaultCode('Divulgation')).to.equal('disclosure');
    expect(blockingFaultCode('formule à éviter')).to.equal('custom');
    expect(blockingFaultsOf({ tags: ['formule à éviter'] }, 'x')).to.deep.equal([]);
    expect(blockingFaultsOf({ tags: ['formule à éviter'], blocking: true }, 'x')).to.deep.equal([{ tag: 'formule à éviter', label: 'x' }]);
    expect(blockingFaultsOf({ tags: ['mépris', 'promesse intenable'] }, 'y')).to.deep.equal([{ tag: 'mépris', label: 'y' }, { tag: 'promesse intenable', label: 'y' }]);
  });

  it('reads `blocking: true` on a choice and refuses anything but true or false', () => {
    const text = edit(fixtureText('mini'), 'tags: [formule à éviter]', 'tags: [formule à éviter]\n        blocking: true');
    const result = parse(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const options = Object.values(result.scenario.nodes).flatMap((n) => (n.kind === 'choice' ? n.options : []));
    expect(options.filter((o) => o.blocking).map((o) => o.tags)).to.deep.equal([['formule à éviter']]);
    const wrong = parse(edit(fixtureText('mini'), 'tags: [formule à éviter]', 'tags: [formule à éviter]\n        blocking: oui'));
    expect(wrong.ok).to.equal(false);
    if (!wrong.ok) expect(wrong.errors.map((e) => e.message).join(' ')).to.contain('« blocking » doit valoir true ou false.');
  });

  it('the model answers pass verification-identite (the baseline of the next test)', () => {
    const played = playCall(shipped('verification-identite'), modelAnswers);
    expect(played.debrief.passed).to.equal(true);
    expect(played.debrief.blockingFaults).to.deep.equal([]);
  });

  it('in verification-identite, confirming the line to an unverified caller fails the call although its points pass', () => {
    const scenario = shipped('verification-identite');
    const { debrief: d, state } = playCall(scenario, modelExceptAt('identification', tagged('divulgation')));
    expect(state.ended?.kind).to.equal('resolved');
    expect(d.scorePercent).to.be.at.least(scenario.passMark);
    expect(d.passed).to.equal(false);
    expect(d.blockingFaults.map((f) => [f.node, f.phase, f.code])).to.deep.equal([
      ['identification', 'identification', 'disclosure'],
      ['identification', 'identification', 'data-before-identification'],
    ]);
    expect(d.blockingFaults[0].said).to.contain('la ligne de madame Vasseur… oui, je la vois');
    expect(d.blockingFaults[0].label).to.contain('Vous venez de confirmer à un tiers que Mme Vasseur est cliente');
  });

  it('in demande-information, giving false information fails the call although its points pass', () => {
    const scenario = shipped('demande-information');
    const node = Object.values(scenario.nodes).find((n) => n.kind === 'choice' && n.options.some((o) => o.tags.includes('information fausse')));
    if (!node) throw new Error('demande-information has no false-information line');
    const { debrief: d } = playCall(scenario, modelExceptAt(node.id, tagged('information fausse')));
    expect(d.scorePercent).to.be.at.least(scenario.passMark);
    expect(d.passed).to.equal(false);
    expect(d.blockingFaults.map((f) => [f.node, f.code])).to.deep.equal([[node.id, 'false-information']]);
  });

  it('a typed answer with a blocking fault from the grader fails the call whatever its score', () => {
    const scenario = loadMini();
    const free = Object.values(scenario.nodes).find((n) => n.kind === 'free');
    if (!free || free.kind !== 'free') throw new Error('mini has a typed turn');
    const waiting = playUpTo(scenario, free.id);
    // The grader's hook: what it reports in blockingFaults fails the call, even at 100 %.
    const grader: Grader = (rubric, answer) => ({ ...scoreRubric(rubric, answer), blockingFaults: [{ tag: 'promesse intenable', label: 'promet une livraison demain' }] });
    const step = applyFreeResponse(scenario, waiting, { turn: waiting.turn, text: free.model }, waiting.lastAt + 1000, grader);
    if (!step.ok) throw new Error(step.rejection.code);
    const entry = step.state.transcript.find((e) => e.kind === 'learner' && e.node === free.id);
    if (entry?.kind !== 'learner' || entry.answer.type !== 'free') throw new Error('typed turn not recorded');
    expect(entry.answer.rubric.percent).to.equal(100);
    expect(entry.blockingFaults).to.deep.equal([{ tag: 'promesse intenable', label: 'promet une livraison demain' }]);
    const { debrief: d } = playOn(scenario, step.state, modelAnswers);
    expect(d.scorePercent).to.equal(100);
    expect(d.passed).to.equal(false);
    expect(d.blockingFaults.map((f) => [f.node, f.code, f.label])).to.deep.equal([[free.id, 'unkeepable-promise', 'promet une livraison demain']]);
  });

  it('a typed answer with a blocking forbidden concept (the real grader) fails the call, named first', () => {
    const text = edit(fixtureText('mini'), '      avoid: [pas de souci, problème]', `      forbidden:
        - { label: une date de livraison inventée, anyOf: [demain, ce soir], blocking: true, tag: information fausse }
      avoid: [pas de souci, problème]`);
    const result = parse(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const scenario = result.scenario;
    const clean = playCall(scenario, modelAnswers);
    expect(clean.debrief.passed).to.equal(true);
    const liar = playCall(scenario, { ...modelAnswers, type: () => 'Je vous confirme, madame, que votre colis sera livré demain matin.' });
    expect(liar.debrief.passed).to.equal(false);
    expect(liar.debrief.blockingFaults.map((f) => [f.node, f.tag, f.code, f.label])).to.deep.equal([
      ['reformuler', 'information fausse', 'false-information', 'une date de livraison inventée'],
    ]);
  });
});

/** The mini scenario played with the model answers until its typed turn waits. */
function playUpTo(scenario: Scenario, nodeId: string): CallState {
  let stopped: CallState | null = null;
  playCall(scenario, {
    choose: (lines, turn, node, state) => modelAnswers.choose(lines, turn, node, state),
    type: (node, state) => {
      if (node.id === nodeId && !stopped) stopped = state;
      return node.model;
    },
  });
  if (!stopped) throw new Error(`never reached ${nodeId}`);
  const state: CallState = stopped;
  expect(availableActions(scenario, state).kind).to.equal('free');
  return state;
}
