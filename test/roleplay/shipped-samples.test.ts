import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { loadScenarioFiles } from '../../src/server/roleplay/library/load-scenario-files.ts';
import { scoreRubric } from '../../src/server/roleplay/rubric/score-rubric.ts';
import type { FreeNode, Scenario } from '../../src/server/roleplay/scenario/types.ts';

/**
 * Every typed turn of the shipped library carries answers real trainees wrote, labelled by a
 * trainer (samples.good / samples.bad): each is graded here with the turn's own rubric.
 */
describe('shipped typed turns and their sample answers', () => {
  let scenarios: Scenario[] = [];
  const turns = (): Array<{ key: string; node: FreeNode }> =>
    scenarios.flatMap((s) => Object.values(s.nodes).filter((n): n is FreeNode => n.kind === 'free').map((node) => ({ key: `${s.id}/${node.id}`, node })));
  const turn = (key: string): FreeNode => {
    const found = turns().find((t) => t.key === key);
    if (!found) throw new Error(`no typed turn ${key}`);
    return found.node;
  };

  before(async () => {
    const loaded = await loadScenarioFiles(fileURLToPath(new URL('../../courses', import.meta.url)));
    scenarios = loaded.scenarios.map((s) => s.scenario);
  });

  it('has at least 6 good and 6 bad samples on each of the at least 13 typed turns', () => {
    expect(turns().length).to.be.at.least(13);
    for (const { key, node } of turns()) {
      expect(node.samples?.good.length ?? 0, `${key} good samples`).to.be.at.least(6);
      expect(node.samples?.bad.length ?? 0, `${key} bad samples`).to.be.at.least(6);
    }
  });

  it('passes the model answer and every good sample, and fails every bad sample', () => {
    const wrong: string[] = [];
    let graded = 0;
    for (const { key, node } of turns()) {
      for (const text of [node.model, ...(node.samples?.good ?? [])]) {
        graded++;
        if (!scoreRubric(node.rubric, text).passed) wrong.push(`${key} good fails: ${text}`);
      }
      for (const text of node.samples?.bad ?? []) {
        graded++;
        if (scoreRubric(node.rubric, text).passed) wrong.push(`${key} bad passes: ${text}`);
      }
    }
    expect(wrong).to.deep.equal([]);
    expect(graded).to.be.at.least(13 * 13);
  });

  it('fails the rubric words themselves, in a row or joined with fillers, at every typed turn', () => {
    const joins = [' ', ', ', ' euh ', ' et ', ' donc ', ' ok '];
    const passed: string[] = [];
    for (const { key, node } of turns()) {
      const r = node.rubric;
      const lists = [r.required.map((e) => e.anyOf[0]), r.required.flatMap((e) => e.anyOf.slice(0, 3))];
      for (const words of lists) {
        for (const join of joins) {
          const text = [...r.politeness.slice(0, 2), ...words].join(join) + ' merci';
          if (scoreRubric(r, text).passed) passed.push(`${key}: ${text}`);
        }
      }
    }
    expect(passed).to.deep.equal([]);
  });

  it('grades the answers quoted in issue 10 as a trainer would', () => {
    const technique = turn('support-technique-box/reformulation').rubric;
    expect(scoreRubric(technique, 'internet fibre matin rouge monsieur voyant connexion coupé ok merci')).to.deep.include({ passed: false, percent: 20, notASentence: 'no-clause' });

    const information = turn('demande-information/decouverte').rubric;
    expect(scoreRubric(information, 'Le prix dépend de votre opticien madame')).to.deep.include({ passed: false, missing: ['une question'] });

    const identite = turn('verification-identite/refus-respectueux').rubric;
    const disclosed = scoreRubric(identite, 'Je ne peux pas vous donner son adresse monsieur, c’est confidentiel, mais elle habite à Lille maintenant.');
    expect(disclosed.passed).to.equal(false);
    expect(disclosed.blockingFaults).to.deep.equal([{ label: 'une information sur la titulaire (adresse, ville, appels)', tag: 'divulgation' }]);
    expect(scoreRubric(identite, "je n'ai pas le droit de vous donner des informations sur cette ligne, c'est la règle")).to.deep.include({ passed: true, blockingFaults: [] });
    expect(scoreRubric(identite, 'je n ai pas le droit de vous donner des infos sur cette ligne monsieur, cest confidentiel, voyez avec la gendarmerie')).to.deep.include({ passed: true, percent: 100 });

    const entretien = turn('prise-rendez-vous-entretien/reponse-objection').rubric;
    const promised = scoreRubric(entretien, 'Zéro frais, pas de devis madame, tout est compris.');
    expect(promised.passed).to.equal(false);
    expect(promised.blockingFaults).to.deep.equal([{ label: 'une promesse de gratuité totale', tag: 'promesse intenable' }]);

    const colere = turn('remboursement-client-en-colere/ecoute').rubric;
    expect(scoreRubric(colere, 'Calmez vous monsieur, je comprends, que s’est-il passé avec le technicien ?')).to.deep.include({ passed: false, avoided: ['calmez-vous'], percent: 75 });
  });
});
