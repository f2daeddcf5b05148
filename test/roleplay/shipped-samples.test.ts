import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { loadScenarioFiles, type ScenarioFile } from '../../src/server/roleplay/library/load-scenario-files.ts';
import { classifySamples } from '../../src/server/roleplay/rubric/classify-samples.ts';

/** Modules written with their samples from the start; the older ones get theirs as they are reviewed. */
const SAMPLED_MODULES = ['fidelisation-resiliation', 'situations-sensibles', 'pret-pour-l-emploi'];

describe('sample answers of the typed turns in the new modules', () => {
  let library: ScenarioFile[] = [];
  before(async () => {
    library = (await loadScenarioFiles(fileURLToPath(new URL('../../courses', import.meta.url)))).scenarios;
  });

  it('ships at least 6 good and 6 bad samples at each typed turn, and its rubric classifies every one right', () => {
    const turns = library.filter((s) => SAMPLED_MODULES.includes(s.module)).flatMap((s) => classifySamples(s.scenario).map((t) => ({ ...t, id: `${s.scenario.id}/${t.node}` })));
    expect(turns.map((t) => t.id).sort()).to.deep.equal([
      'client-veut-resilier/reformuler',
      'cliente-en-detresse/solution',
      'conversation-chat/redaction',
      'entretien-telephonique/presentation',
      'message-repondeur/message',
    ]);
    for (const turn of turns) {
      expect(turn.good, turn.id).to.be.at.least(6);
      expect(turn.bad, turn.id).to.be.at.least(6);
      const wrong = turn.verdicts.filter((v) => !v.right).map((v) => `${v.label} #${v.index} (${v.score.percent} %) ${v.text}`);
      expect(wrong, turn.id).to.deep.equal([]);
    }
  });
});
