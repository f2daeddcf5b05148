import { expect } from 'chai';
import { normaliseFrench } from '../../src/server/roleplay/rubric/normalise-french.ts';
import { describeRubricScore, scoreRubric } from '../../src/server/roleplay/rubric/score-rubric.ts';
import type { Rubric } from '../../src/server/roleplay/scenario/types.ts';

const rubric: Rubric = {
  required: [
    { label: 'la commande', anyOf: ['commande', 'colis'] },
    { label: 'le délai', anyOf: ['délai', 'date de livraison', 'retard'] },
  ],
  avoid: ['pas de souci', 'problème', 'calmez-vous'],
  politeness: ['madame', 'monsieur', 'merci'],
  minWords: 6,
  maxWords: 30,
  pass: 60,
};

describe('normaliseFrench', () => {
  const cases: Array<[string, string]> = [
    ['ÉTÉ', 'ete'],
    ['Déjà reçu', 'deja recu'],
    ['l’adresse', 'l adresse'],
    ["l'adresse", 'l adresse'],
    ['aujourd’hui', 'aujourd hui'],
    ['Vos commandes', 'vos commande'],
    ['les colis', 'les coli'],
    ['des travaux', 'des travau'],
    ['Cœur', 'coeur'],
    ['  Bonjour,   madame !  ', 'bonjour madame'],
    ['vous-même', 'vou meme'],
    ['adresse', 'adresse'],
  ];
  for (const [input, expected] of cases) {
    it(`normalises ${JSON.stringify(input)}`, () => expect(normaliseFrench(input)).to.equal(expected));
  }
});

describe('scoreRubric', () => {
  it('gives full marks to a complete, polite answer whatever its case, accents and plurals', () => {
    const score = scoreRubric(rubric, 'Madame, je vérifie vos COMMANDES et la date de livraison tout de suite.');
    expect(score).to.deep.include({ percent: 100, passed: true, found: ['la commande', 'le délai'], missing: [], avoided: [], words: 13, lengthOk: true });
  });

  it('scores missing elements in proportion', () => {
    const score = scoreRubric(rubric, 'Madame, je regarde votre commande tout de suite.');
    expect(score.missing).to.deep.equal(['le délai']);
    expect(score.percent).to.equal(65); // 70/2 + 15 + 15
    expect(score.passed).to.equal(true);
  });

  it('takes points off for each expression to avoid, on word boundaries', () => {
    const score = scoreRubric(rubric, 'Pas de soucis madame, votre colis a du retard, calmez vous.');
    expect(score.avoided).to.deep.equal(['pas de souci', 'calmez-vous']);
    expect(score.percent).to.equal(50);
    expect(score.passed).to.equal(false);
    expect(scoreRubric(rubric, 'Madame, votre colis a un retard, cela pose problèmes ?').avoided).to.deep.equal(['problème']);
  });

  it('checks politeness and length', () => {
    const rude = scoreRubric(rubric, 'Votre colis a un retard de deux jours.');
    expect(rude.politeness).to.deep.equal([]);
    expect(rude.percent).to.equal(85);
    const short = scoreRubric(rubric, 'Colis retard merci');
    expect(short.lengthOk).to.equal(false);
    expect(describeRubricScore(rubric, short)).to.contain('trop courte');
  });

  it('gives nothing to an empty answer', () => {
    expect(scoreRubric(rubric, ' ?! ').percent).to.equal(0);
  });

  it('explains what was missing and what to avoid', () => {
    const text = describeRubricScore(rubric, scoreRubric(rubric, 'Pas de souci, je regarde la commande.'));
    expect(text).to.contain('Il manquait : le délai.');
    expect(text).to.contain('À éviter : « pas de souci »');
    expect(text).to.contain('marque de politesse');
  });
});
