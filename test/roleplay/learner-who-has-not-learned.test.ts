import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { checkFieldAnswer } from '../../src/server/courses/format/check-field.ts';
import type { FieldCheck } from '../../src/server/courses/format/types.ts';
import { loadScenarioFiles } from '../../src/server/roleplay/library/load-scenario-files.ts';
import { analyseFrench } from '../../src/server/roleplay/rubric/analyse-french.ts';
import { compilePhrase, findPhrase } from '../../src/server/roleplay/rubric/find-phrase.ts';
import { scoreRubric } from '../../src/server/roleplay/rubric/score-rubric.ts';
import type { FreeNode } from '../../src/server/roleplay/scenario/types.ts';

/**
 * Answers from a trainee who has not learned the skill but knows how graders work: the
 * rubric's words strung with commas behind a clause, or a real word one letter away from the
 * expected one. Each must fail; the sentence a trainee who has learned writes must pass.
 */
const has = (answer: string, phrase: string): boolean => findPhrase(analyseFrench(answer), compilePhrase(phrase)) !== undefined;

describe('the learner who has not learned', () => {
  let reformulation: FreeNode;

  before(async () => {
    const loaded = await loadScenarioFiles(fileURLToPath(new URL('../../courses', import.meta.url)));
    const call = loaded.scenarios.map((s) => s.scenario).find((s) => s.id === 'retard-livraison');
    const node = call?.nodes.reformulation;
    if (node?.kind !== 'free') throw new Error('retard-livraison has no typed reformulation turn');
    reformulation = node;
  });

  it('fails the rubric words strung with commas after a clause ("c\'est noté : canapé, retard…")', () => {
    for (const list of [
      "Madame, c'est noté : canapé, retard, congé, journée, livraison, commande",
      'Si je comprends bien madame, canapé, retard, congé, 14 novembre, journée, livraison',
      'Madame, je note : le canapé, le retard, le congé, la journée, la livraison',
      'retard, colis, excuse, date, livraison, demain',
    ]) {
      const score = scoreRubric(reformulation.rubric, list);
      expect(score.passed, list).to.equal(false);
      expect(score.percent, list).to.be.at.most(20);
      expect(score.notASentence, list).to.not.equal(undefined);
    }
    // The same ideas said as a sentence pass.
    const said = 'Si je comprends bien, madame, votre canapé devait être livré le 14 novembre, vous aviez pris une journée de congé et il n\'est toujours pas arrivé.';
    expect(scoreRubric(reformulation.rubric, said).passed).to.equal(true);
  });

  it('fails the comma list where an exercise asks for a sentence to the customer', () => {
    const apology: FieldCheck = { rule: 'keywords', all: [['retard'], ['colis'], ['excuse', 'désolé'], ['livraison'], ['demain']], sentence: true };
    expect(checkFieldAnswer(apology, 'retard, colis, excuse, date, livraison, demain')).to.equal(false);
    expect(checkFieldAnswer(apology, 'Je suis désolé : retard, colis, excuse, date, livraison, demain.')).to.equal(false);
    expect(checkFieldAnswer(apology, 'Nous vous prions de nous excuser pour le retard de votre colis : la livraison aura lieu demain matin.')).to.equal(true);
    const empathy: FieldCheck = { rule: 'keywords', all: [['comprend', 'desole', 'penible']], sentence: true };
    expect(checkFieldAnswer(empathy, 'Madame, je comprends, retard, colis, excuse, date, livraison, demain')).to.equal(false);
    expect(checkFieldAnswer(empathy, 'Je comprends, monsieur, trois jours sans machine avec trois enfants, c\'est pénible.')).to.equal(true);
  });

  it('does not read a different real word as a typo: "regard" is not "retard", "datte" not "date"', () => {
    expect(has('désolé pour le regard de votre colis', 'retard')).to.equal(false);
    expect(has('une datte', 'date')).to.equal(false);
    expect(has('la facture est payée', 'parée')).to.equal(false);
    // Real typos are still forgiven.
    expect(has('désolé pour le retart de votre colis', 'retard')).to.equal(true);
    expect(has('le numéro de commende', 'commande')).to.equal(true);
    expect(has('plus de connextion', 'connexion')).to.equal(true);
    const regard = scoreRubric(reformulation.rubric, 'Si je comprends bien madame, vous avez un regard sur votre canapé et vous avez posé une journée de congé.');
    expect(regard.missing).to.include(reformulation.rubric.required[1].label);
    expect(regard.passed).to.equal(false);
  });
});
