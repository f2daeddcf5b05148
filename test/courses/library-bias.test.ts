import { expect } from 'chai';
import type { ModuleVersion } from '../../src/server/courses/format/types.ts';
import { describeBias, libraryBias } from '../../src/server/courses/library-bias.ts';
import { loadCourseLibrary } from '../../src/server/courses/load-library.ts';
import type { ChoiceNode, Scenario, ScenarioNode } from '../../src/server/roleplay/scenario/types.ts';
import { COURSES_DIR } from './fixtures.ts';

/** A deep copy of the shipped modules with every scenario passed through `change`. */
const withScenarios = (modules: ModuleVersion[], change: (s: Scenario) => Scenario): ModuleVersion[] =>
  structuredClone(modules).map((m) => ({ ...m, items: m.items.map((i) => (i.type === 'roleplay' ? { ...i, scenario: change(i.scenario) } : i)) }));
const mapNodes = (s: Scenario, f: (n: ScenarioNode) => ScenarioNode): Scenario => ({ ...s, nodes: Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, f(n)])) });
const value = (o: ChoiceNode['options'][number]) => [...Object.values(o.points), ...Object.values(o.competencies)].reduce((a, b) => a + b, 0);

describe('library bias (courses:check)', () => {
  let modules: ModuleVersion[] = [];
  before(async () => {
    const library = await loadCourseLibrary(COURSES_DIR);
    expect(library.errors).to.deep.equal([]);
    modules = library.modules.map((m) => m.module);
  });

  it('the shipped library stays within every limit', () => {
    const bias = libraryBias(modules);
    expect(bias.bestIsLongest.of).to.be.above(100);
    expect(bias.bestIsLongest.share).to.be.at.most(0.4);
    expect(bias.rightIsLongest.share).to.be.at.most(0.35);
    expect(bias.trueAnswers.share).to.be.within(0.4, 0.6);
    expect(describeBias(bias).errors).to.deep.equal([]);
  });

  it('fails a library where the best line is the longest in most turns', () => {
    const padded = withScenarios(modules, (s) => mapNodes(s, (n) => {
      if (n.kind !== 'choice') return n;
      const best = n.options.reduce((a, b) => (value(b) > value(a) ? b : a));
      return { ...n, options: n.options.map((o) => (o === best ? { ...o, text: `${o.text} Je reste à votre disposition pour tout renseignement complémentaire.` } : o)) };
    }));
    const bias = libraryBias(padded);
    expect(bias.bestIsLongest.share).to.be.above(0.9);
    expect(describeBias(bias).errors[0]).to.match(/^la meilleure réplique est aussi la plus longue dans \d+ % des tours \(au plus 40 %\)/);
  });

  it('lists, as warnings, turns whose longest line is more than twice the shortest', () => {
    const scenario = modules.flatMap((m) => m.items).find((i) => i.type === 'roleplay');
    if (scenario?.type !== 'roleplay') throw new Error('a shipped role-play');
    const target = Object.values(scenario.scenario.nodes).find((n): n is ChoiceNode => n.kind === 'choice' && n.options.filter((o) => o.kind === 'say').length >= 2);
    if (!target) throw new Error('a choice turn');
    const shortened = withScenarios(modules, (s) => (s.id !== scenario.scenario.id ? s : mapNodes(s, (n) => (n.id !== target.id || n.kind !== 'choice' ? n : { ...n, options: n.options.map((o, i) => (i === 0 ? { ...o, text: 'Non.' } : o)) }))));
    const report = describeBias(libraryBias(shortened));
    expect(report.warnings).to.have.length(1);
    expect(report.warnings[0]).to.contain(`(${target.id})`).and.contain('répliques de 4 à');
    expect(report.errors).to.deep.equal([]);
  });

  it('fails quizzes whose answers are guessable: all true/false answered "false"', () => {
    const allFalse = structuredClone(modules).map((m) => ({
      ...m,
      items: m.items.map((i) => (i.type !== 'quiz' ? i : { ...i, quiz: { ...i.quiz, questions: i.quiz.questions.map((q) => (q.type === 'true_false' ? { ...q, answer: false } : q)) } })),
    }));
    const report = describeBias(libraryBias(allFalse));
    expect(report.errors).to.deep.equal(['« vrai » est la réponse de 0 % des questions vrai/faux (entre 40 et 60 %).']);
  });

  it('fails an inbound call where the customer speaks first, and one on an account without an identification phase', () => {
    const inbound = modules.flatMap((m) => m.items.flatMap((i) => (i.type === 'roleplay' && i.scenario.callType === 'inbound' && i.scenario.phases.some((p) => p.id === 'identification') ? [{ m, i }] : [])))[0];
    if (!inbound) throw new Error('an inbound call with identification');
    const id = inbound.i.scenario.id;
    const customerFirst = withScenarios(modules, (s) => (s.id !== id ? s : {
      ...s,
      start: 'allo',
      nodes: { allo: { kind: 'customer', id: 'allo', phase: 'accueil', text: 'Bonjour madame, j’appelle pour ma facture.', mood: 0, next: s.start }, ...s.nodes },
    }));
    expect(describeBias(libraryBias(customerFirst)).errors).to.deep.equal([
      `${inbound.m.id}/${inbound.i.file} : le client parle avant que le conseiller ait décroché et salué (le premier nœud doit être un tour de l’apprenant)`,
    ]);
    const noPhase = withScenarios(modules, (s) => (s.id !== id ? s : { ...s, phases: s.phases.filter((p) => p.id !== 'identification') }));
    expect(describeBias(libraryBias(noPhase)).errors).to.deep.equal([`${inbound.m.id}/${inbound.i.file} : appel entrant sur un dossier client sans phase « identification »`]);
  });
});
