import { expect } from 'chai';
import {
  applyAction, applyChoice, applyFreeResponse, applyTimeout, availableActions, debrief, settleTimeouts, startCall,
  stateFitsScenario, visibleRecord,
  type CallState, type Step,
} from '../../src/server/roleplay/engine/index.ts';
import type { Scenario } from '../../src/server/roleplay/scenario/types.ts';
import { edit, fixtureText, loadMini, parse } from './helpers.ts';

const T0 = Date.UTC(2026, 10, 26, 15, 0, 0);
const at = (seconds: number): number => T0 + seconds * 1000;
const scenario = loadMini();
const GOOD_REPHRASE = 'Je vous confirme, madame, que votre colis sera livré à la date du 12 mars.';

function ok(step: Step): CallState {
  if (!step.ok) throw new Error(`rejected: ${step.rejection.code}`);
  return step.state;
}

function rejected(step: Step): string {
  if (step.ok) throw new Error('expected a rejection');
  return step.rejection.code;
}

/** Start, greet well, and reach the "reponse" turn at 10 s. */
function atReponse(): CallState {
  return ok(applyChoice(scenario, startCall(scenario, T0), { turn: 0, choice: 0 }, at(10)));
}

describe('role-play engine', () => {
  it('starts by playing the opening customer line and waits for the first learner turn', () => {
    const state = startCall(scenario, T0);
    expect(state).to.deep.include({ node: 'accueil', turn: 0, mood: 50, startedAt: T0, ended: null });
    expect(state.transcript).to.deep.equal([{ kind: 'customer', node: 'bonjour', phase: 'accueil', atMs: 0, text: 'Bonjour, j\'appelle pour ma commande.', audio: undefined, mood: 50 }]);
  });

  it('applies a choice: points per phase and competency, mood, next customer line', () => {
    const state = atReponse();
    expect(state).to.deep.include({ node: 'reponse', turn: 1, mood: 60 });
    expect(state.phaseScores).to.deep.equal({ accueil: { earned: 2, max: 2 } });
    expect(state.competencyScores).to.deep.equal({ 'CCP1.1': { earned: 2, max: 2 } });
    expect(state.transcript.map((e) => e.kind)).to.deep.equal(['customer', 'learner', 'customer']);
  });

  it('follows ifMoodBelow: a rude greeting makes the customer hang up', () => {
    const state = ok(applyChoice(scenario, startCall(scenario, T0), { turn: 0, choice: 1 }, at(5)));
    expect(state.ended).to.deep.equal({ kind: 'hung-up', outcome: 'La cliente a raccroché.', node: 'raccroche', at: at(5) });
    expect(state.phaseScores.accueil).to.deep.equal({ earned: -1, max: 2 });
    expect(rejected(applyChoice(scenario, state, { turn: 1, choice: 0 }, at(6)))).to.equal('call-ended');
  });

  it('rejects tampered input and leaves the state untouched', () => {
    const state = atReponse();
    const before = structuredClone(state);
    expect(rejected(applyChoice(scenario, state, { turn: 0, choice: 0 }, at(11)))).to.equal('stale-turn');
    expect(rejected(applyChoice(scenario, state, { turn: 1, choice: 9 }, at(11)))).to.equal('choice-not-offered');
    expect(rejected(applyChoice(scenario, state, { turn: 1, choice: -1 }, at(11)))).to.equal('choice-not-offered');
    expect(rejected(applyChoice(scenario, state, { turn: 1, choice: 0.5 }, at(11)))).to.equal('choice-not-offered');
    expect(rejected(applyChoice(scenario, state, { turn: 1, choice: 2 }, at(11)))).to.equal('choice-not-offered');
    expect(rejected(applyFreeResponse(scenario, state, { turn: 1, text: 'Bonjour' }, at(11)))).to.equal('wrong-turn-kind');
    expect(rejected(applyChoice(scenario, state, { turn: 1, choice: 0 }, at(11)))).to.equal('lookup-required');
    expect(rejected(applyAction(scenario, state, { turn: 1, type: 'lookup', field: 'nom' }, at(11)))).to.equal('unknown-field');
    expect(state).to.deep.equal(before);
  });

  it('requires a look-up before the choice that uses it, and a look-up happens once', () => {
    const looked = ok(applyAction(scenario, atReponse(), { turn: 1, type: 'lookup', field: 'livraison' }, at(15)));
    expect(looked).to.deep.include({ node: 'reponse', turn: 2, lookedUp: ['livraison'] });
    expect(looked.transcript.at(-1)).to.deep.include({ kind: 'lookup', field: 'livraison', value: '12 mars', atMs: 15000 });
    expect(rejected(applyAction(scenario, looked, { turn: 2, type: 'lookup', field: 'livraison' }, at(16)))).to.equal('already-looked-up');
    expect(ok(applyChoice(scenario, looked, { turn: 2, choice: 0 }, at(20))).node).to.equal('reformuler');
  });

  it('puts on hold and transfers only where the turn offers it', () => {
    const held = ok(applyAction(scenario, atReponse(), { turn: 1, type: 'hold' }, at(20)));
    expect(held.node).to.equal('reformuler');
    expect(held.transcript.find((e) => e.kind === 'learner' && e.answer.type === 'option' && e.answer.kind === 'hold')).to.not.equal(undefined);
    const transferred = ok(applyAction(scenario, atReponse(), { turn: 1, type: 'transfer' }, at(20)));
    expect(transferred.ended?.kind).to.equal('escalated');
    expect(rejected(applyAction(scenario, startCall(scenario, T0), { turn: 0, type: 'hold' }, at(1)))).to.equal('action-not-offered');
  });

  it('scores free responses with the rubric and takes the good or weak branch', () => {
    const reformuler = ok(applyAction(scenario, atReponse(), { turn: 1, type: 'hold' }, at(20)));
    const good = ok(applyFreeResponse(scenario, reformuler, { turn: 2, text: GOOD_REPHRASE }, at(40)));
    expect(good.phaseScores.reformulation).to.deep.equal({ earned: 4, max: 4 });
    expect(good.mood).to.equal(70);
    const weak = ok(applyFreeResponse(scenario, reformuler, { turn: 2, text: 'Pas de souci, au revoir.' }, at(40)));
    expect(weak.phaseScores.reformulation.earned).to.be.below(2);
    expect(weak.mood).to.equal(55);
    const entry = weak.transcript.find((e) => e.kind === 'learner' && e.node === 'reformuler');
    expect(entry?.kind === 'learner' && entry.feedback).to.contain('Il manquait : la livraison, date.');
    expect(rejected(applyFreeResponse(scenario, reformuler, { turn: 2, text: '   ' }, at(40)))).to.equal('empty-response');
    expect(rejected(applyFreeResponse(scenario, reformuler, { turn: 2, text: 'a'.repeat(2001) }, at(40)))).to.equal('response-too-long');
  });

  it('plays a timeout only once the injected clock has passed the limit', () => {
    const start = startCall(scenario, T0);
    expect(rejected(applyTimeout(scenario, start, { turn: 0 }, at(19)))).to.equal('not-timed-out-yet');
    const timedOut = ok(applyTimeout(scenario, start, { turn: 0 }, at(21)));
    expect(timedOut).to.deep.include({ node: 'accueil', turn: 0, mood: 40, turnTimedOut: true });
    expect(timedOut.transcript.at(-1)).to.deep.include({ kind: 'timeout', text: 'Allô ? Vous êtes là ?', atMs: 20000, pointsLost: 1 });
    expect(timedOut.phaseScores.accueil).to.deep.equal({ earned: -1, max: 0 });
    expect(rejected(applyTimeout(scenario, timedOut, { turn: 0 }, at(60)))).to.equal('not-timed-out-yet');
    expect(rejected(applyTimeout(scenario, atReponse(), { turn: 1 }, at(600)))).to.equal('no-time-limit');
  });

  it('plays the silence first when an answer comes in late (JavaScript off)', () => {
    const late = ok(applyChoice(scenario, startCall(scenario, T0), { turn: 0, choice: 0 }, at(25)));
    expect(late.transcript.map((e) => e.kind)).to.deep.equal(['customer', 'timeout', 'learner', 'customer']);
    expect(late.phaseScores.accueil).to.deep.equal({ earned: 1, max: 2 });
  });

  it('does not apply a late answer when the silence moved the call on', () => {
    const hangsUp = parseOrThrow(edit(fixtureText('mini'), 'points: 1 }', 'points: 1, next: raccroche }'));
    const step = applyChoice(hangsUp, startCall(hangsUp, T0), { turn: 0, choice: 0 }, at(25));
    expect(step.ok && step.applied).to.equal(false);
    expect(ok(step).ended).to.deep.include({ kind: 'hung-up', at: at(20) });
  });

  it('lists what the learner can do now', () => {
    const actions = availableActions(scenario, atReponse());
    if (actions.kind !== 'choice') throw new Error('expected a choice turn');
    expect(actions.choices.map((c) => [c.available, c.missing])).to.deep.equal([[false, ['Date de livraison']], [true, []]]);
    expect(actions.hold?.text).to.equal('Mettre en attente');
    expect(actions.transfer?.to).to.equal('Service logistique');
    expect(actions.lookups).to.deep.equal([{ key: 'livraison', label: 'Date de livraison' }]);
    expect(availableActions(scenario, startCall(scenario, T0))).to.deep.include({ kind: 'choice', deadlineAt: at(20) });
  });

  it('shows look-up fields of the record only once consulted', () => {
    const state = atReponse();
    expect(visibleRecord(scenario, state).map((f) => [f.key, f.value])).to.deep.equal([['nom', 'Lucie Martin'], ['livraison', null]]);
    const looked = ok(applyAction(scenario, state, { turn: 1, type: 'lookup', field: 'livraison' }, at(12)));
    expect(visibleRecord(scenario, looked).find((f) => f.key === 'livraison')?.value).to.equal('12 mars');
  });

  it('catches up with the clock when a page is shown again, without any input', () => {
    const start = startCall(scenario, T0);
    expect(settleTimeouts(scenario, start, at(10))).to.equal(start);
    expect(settleTimeouts(scenario, start, at(30)).transcript.at(-1)?.kind).to.equal('timeout');
  });

  it('tells whether a stored call still fits the scenario', () => {
    const state = atReponse();
    expect(stateFitsScenario(scenario, state)).to.equal(true);
    expect(stateFitsScenario(scenario, { ...state, node: 'gone' })).to.equal(false);
    expect(stateFitsScenario(scenario, { ...state, node: 'question' })).to.equal(false);
    expect(stateFitsScenario(scenario, { ...state, scenarioId: 'other' })).to.equal(false);
    expect(stateFitsScenario(scenario, { ...state, lookedUp: ['nom'] })).to.equal(false);
  });

  it('lists a free turn and an ended call', () => {
    const reformuler = ok(applyAction(scenario, atReponse(), { turn: 1, type: 'hold' }, at(20)));
    expect(availableActions(scenario, reformuler)).to.deep.include({ kind: 'free', prompt: 'Reformulez ce que vous allez faire pour la cliente.', turn: 2, deadlineAt: null });
    expect(rejected(applyAction(scenario, reformuler, { turn: 2, type: 'transfer' }, at(21)))).to.equal('action-not-offered');
    const ended = ok(applyAction(scenario, atReponse(), { turn: 1, type: 'transfer' }, at(20)));
    expect(availableActions(scenario, ended)).to.deep.equal({ kind: 'ended' });
    expect(debrief(scenario, reformuler)).to.deep.include({ finished: false, outcome: null, passed: false });
  });

  it('scores phases whatever their names, even names of object properties', () => {
    const odd = parseOrThrow(fixtureText('mini').replaceAll('phase: accueil', 'phase: constructor').replace('start: bonjour', 'phases: [constructor, decouverte, reformulation, traitement, prise-de-conge]\nstart: bonjour'));
    const state = ok(applyChoice(odd, startCall(odd, T0), { turn: 0, choice: 0 }, at(5)));
    expect(state.phaseScores.constructor).to.deep.equal({ earned: 2, max: 2 });
    expect(debrief(odd, state).phases.map((p) => [p.id, p.percent])).to.deep.equal([['constructor', 100]]);
  });

  it('is deterministic: the same inputs at the same times give the same state', () => {
    const run = (): CallState => ok(applyFreeResponse(scenario, ok(applyAction(scenario, atReponse(), { turn: 1, type: 'hold' }, at(20))), { turn: 2, text: GOOD_REPHRASE }, at(40)));
    expect(run()).to.deep.equal(run());
  });
});

describe('debrief', () => {
  it('computes outcome, scores, AHT, FCR and CSAT for a well-handled call', () => {
    let state = atReponse();
    state = ok(applyAction(scenario, state, { turn: 1, type: 'lookup', field: 'livraison' }, at(20)));
    state = ok(applyChoice(scenario, state, { turn: 2, choice: 0 }, at(30)));
    state = ok(applyFreeResponse(scenario, state, { turn: 3, text: GOOD_REPHRASE }, at(90)));
    const report = debrief(scenario, state, new Map([['T2', 'Utiliser les outils numériques']]));
    expect(report).to.deep.include({ finished: true, outcome: { kind: 'resolved', text: 'La cliente connaît sa date de livraison.' }, scorePercent: 100, passed: true });
    expect(report.phases.map((p) => [p.id, p.percent])).to.deep.equal([['accueil', 100], ['reformulation', 100], ['traitement', 100]]);
    expect(report.competencies.find((c) => c.id === 'T2')).to.deep.include({ label: 'Utiliser les outils numériques', earned: 2, max: 2, percent: 100 });
    expect(report.indicators).to.deep.equal({ durationSeconds: 90, targetSeconds: 120, withinTarget: true, fcr: true, csat: 4, finalMood: 70, moodLabel: 'satisfait' });
    expect(report.turns.map((t) => t.better)).to.deep.equal([null, null, null]);
    expect(report.lookups).to.deep.equal(['Date de livraison']);
  });

  it('does not count a resolved ending that needs a follow-up (followUp: true) as first-contact resolution', () => {
    const later = parseOrThrow(edit(fixtureText('mini'), '    ending: resolved\n', '    ending: resolved\n    followUp: true\n'));
    let state = atReponse();
    state = ok(applyAction(later, state, { turn: 1, type: 'lookup', field: 'livraison' }, at(20)));
    state = ok(applyChoice(later, state, { turn: 2, choice: 0 }, at(30)));
    state = ok(applyFreeResponse(later, state, { turn: 3, text: GOOD_REPHRASE }, at(90)));
    const report = debrief(later, state);
    expect(report).to.deep.include({ finished: true, passed: true });
    expect(report.outcome?.kind).to.equal('resolved');
    expect(report.indicators.fcr).to.equal(false);
  });

  it('refuses a followUp that is not true or false', () => {
    const result = parse(edit(fixtureText('mini'), '    ending: resolved\n', '    ending: resolved\n    followUp: oui\n'));
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors.map((e) => e.message).join(' ')).to.include('« followUp » doit valoir true ou false.');
  });

  it('leaves out phases and competencies that no played turn could score', () => {
    const zero = parseOrThrow(edit(fixtureText('mini'), '        points: 2\n        competencies: { CCP1.1: 2 }', '        points: 0\n        competencies: { CCP1.1: 0 }'));
    const state = ok(applyChoice(zero, startCall(zero, T0), { turn: 0, choice: 0 }, at(5)));
    expect(state.phaseScores.accueil).to.deep.equal({ earned: 0, max: 0 });
    const report = debrief(zero, state);
    expect(report.phases).to.deep.equal([]);
    expect(report.competencies).to.deep.equal([]);
  });

  it('shows the better option for each weak turn and fails a hung-up call', () => {
    const state = ok(applyChoice(scenario, startCall(scenario, T0), { turn: 0, choice: 1 }, at(200)));
    const report = debrief(scenario, state);
    expect(report).to.deep.include({ passed: false, scorePercent: 0, timeouts: 1 });
    expect(report.indicators).to.deep.include({ fcr: false, withinTarget: false, csat: 2 });
    expect(report.turns[0].customerBefore).to.deep.equal(['Bonjour, j\'appelle pour ma commande.', 'Allô ? Vous êtes là ?']);
    expect(report.turns[0].better).to.deep.equal({ text: 'Bonjour madame, Lucie du service client, je vous écoute.', feedback: 'Présentation complète.' });
    expect(report.turns[0].tags).to.deep.equal(['formule à éviter']);
  });

  it('offers the model answer after an imperfect free response', () => {
    const reformuler = ok(applyAction(scenario, atReponse(), { turn: 1, type: 'hold' }, at(20)));
    const report = debrief(scenario, ok(applyFreeResponse(scenario, reformuler, { turn: 2, text: 'Votre colis arrive bientôt.' }, at(30))));
    expect(report.turns.at(-1)?.better?.text).to.equal('Je vous confirme, madame, que votre colis sera livré le 12 mars.');
  });
});

function parseOrThrow(text: string): Scenario {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}
