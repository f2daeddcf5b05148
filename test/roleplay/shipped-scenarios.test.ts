import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { loadScenarioFiles, type ScenarioFile } from '../../src/server/roleplay/library/load-scenario-files.ts';
import { walkScenario } from './walk-scenario.ts';
import { playCall } from './play-call.ts';
import { edit, fixtureText, loadMini, parse } from './helpers.ts';

const COURSES = fileURLToPath(new URL('../../courses', import.meta.url));

describe('shipped role-play scenarios', () => {
  let library: ScenarioFile[] = [];

  before(async () => {
    const { scenarios, errors } = await loadScenarioFiles(COURSES);
    expect(errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).to.deep.equal([]);
    library = scenarios;
  });

  it('holds at least 10 scenarios of 8 to 32 nodes, spread across modules, with free responses, look-ups, hold and transfer', () => {
    expect(library.length).to.be.at.least(10);
    expect(new Set(library.map((s) => s.module)).size).to.be.at.least(4);
    const nodes = library.map((s) => Object.values(s.scenario.nodes));
    for (const [i, list] of nodes.entries()) expect(list.length, library[i].file).to.be.within(8, 32);
    expect(nodes.filter((list) => list.some((n) => n.kind === 'free')).length).to.be.at.least(3);
    const options = nodes.flat().flatMap((n) => (n.kind === 'choice' ? n.options : []));
    expect(options.some((o) => o.requires.length > 0)).to.equal(true);
    expect(options.some((o) => o.kind === 'hold')).to.equal(true);
    expect(options.some((o) => o.kind === 'transfer')).to.equal(true);
    expect(library.filter((s) => s.scenario.callType === 'outbound').length).to.be.at.least(3);
    const endings = new Set(nodes.flat().flatMap((n) => (n.kind === 'ending' ? [n.ending] : [])));
    expect([...endings].sort()).to.deep.equal(['escalated', 'hung-up', 'resolved']);
  });

  it('holds at least 24 calls over at least 10 modules, each set on a declared story date', () => {
    expect(library.length).to.be.at.least(24);
    expect(new Set(library.map((s) => s.module)).size).to.be.at.least(10);
    for (const { file, scenario } of library) expect(scenario.storyDate, file).to.match(/^2026-(11|12)-\d{2}$/);
  });

  it('starts every inbound call with the agent picking up (a choice in phase accueil), and checks identity before an account is opened', () => {
    const identityData = /naissance|code postal|n° client|n° d'adhérent/i;
    for (const { file, scenario } of library) {
      if (scenario.callType !== 'inbound') continue;
      const start = scenario.nodes[scenario.start];
      expect([start.kind, start.phase], file).to.deep.equal(['choice', 'accueil']);
      if (scenario.persona.record.some((f) => identityData.test(f.label))) {
        expect(scenario.phases.map((p) => p.id), file).to.include('identification');
      }
    }
  });

  it('ends every call for a learner who always clicks the same place on screen, whatever the shuffle', () => {
    // A wrong line that leads back to its own turn with no mood exit would let such a learner loop forever.
    const typed = () => 'Bonjour madame, je vous remercie, je vérifie votre dossier et je vous rappelle.';
    for (const { file, scenario } of library) {
      for (let seed = 0; seed < 40; seed++) {
        const played = playCall(scenario, { choose: (lines) => ({ type: 'say', line: lines[0] }), type: typed }, `position-${seed}`);
        expect(played.state.ended, `${file} (seed ${seed})`).to.have.property("kind");
      }
    }
  });

  it('the walker reaches every ending of a sound scenario and reports a model answer that fails its rubric', () => {
    const walk = walkScenario(loadMini());
    expect(walk.problems).to.deep.equal([]);
    expect([...walk.endings].sort()).to.deep.equal(['fin-ok', 'raccroche', 'transfere']);
    const broken = parse(edit(fixtureText('mini'), 'model: Je vous confirme, madame, que votre colis sera livré le 12 mars.', 'model: Au revoir.'));
    if (!broken.ok) throw new Error('fixture should parse');
    expect(walkScenario(broken.scenario).problems).to.include('the model answer at reformuler scores 0% on its own rubric');
  });

  it('every path of every scenario reaches an ending, and every node is met on some path', function () {
    this.timeout(120_000);
    for (const { file, scenario } of library) {
      const walk = walkScenario(scenario);
      expect(walk.problems, file).to.deep.equal([]);
      expect(walk.states, file).to.be.above(0);
      expect([...walk.visited].filter((id) => id in scenario.nodes).sort(), file).to.deep.equal(Object.keys(scenario.nodes).sort());
    }
  });
});
