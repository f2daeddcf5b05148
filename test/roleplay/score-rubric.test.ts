import { expect } from 'chai';
import { describeRubricScore } from '../../src/server/roleplay/rubric/describe-rubric-score.ts';
import { scoreRubric } from '../../src/server/roleplay/rubric/score-rubric.ts';
import type { Rubric } from '../../src/server/roleplay/scenario/types.ts';

const rubric: Rubric = {
  required: [
    { label: 'la commande', anyOf: ['commande', 'colis'] },
    { label: 'le délai', anyOf: ['délai', 'date de livraison', 'retard'] },
  ],
  forbidden: [],
  avoid: ['pas de souci', 'problème', 'calmez-vous'],
  politeness: ['madame', 'monsieur', 'merci'],
  minWords: 6,
  maxWords: 30,
  pass: 60,
};

/** The support-technique-box reformulation, as shipped before this grader. */
const reformulation: Rubric = {
  required: [
    { label: 'la connexion coupée', anyOf: ['internet', 'connexion', 'plus de réseau', 'coupé'] },
    { label: 'le voyant fibre rouge', anyOf: ['voyant', 'fibre', 'rouge'] },
    { label: 'depuis ce matin', anyOf: ['ce matin', 'depuis 7 h', 'matin'] },
  ],
  forbidden: [],
  avoid: ['calmez-vous'],
  politeness: ['monsieur', "d'accord", 'merci'],
  minWords: 10,
  maxWords: 60,
  pass: 80,
};

const refusal: Rubric = {
  required: [
    { label: 'un refus clair', anyOf: ['je ne peux pas', "je n'ai pas le droit", 'pas autorisé'] },
    { label: 'la raison', anyOf: ['confidentialité', 'confidentiel', 'titulaire', 'la règle'] },
  ],
  forbidden: [
    { label: "l'adresse de la titulaire", anyOf: ['elle habite', 'son adresse est', 'Lille'], blocking: true, tag: 'divulgation' },
    { label: 'une promesse', anyOf: ['je vous promets', 'sans frais', 'zéro frais'], blocking: false },
  ],
  avoid: [],
  politeness: ['monsieur'],
  pass: 80,
};

describe('scoreRubric', () => {
  it('gives full marks to a complete, polite answer whatever its case, accents and plurals', () => {
    const score = scoreRubric(rubric, 'Madame, je vérifie vos COMMANDES et la date de livraison tout de suite.');
    expect(score).to.deep.include({ percent: 100, passed: true, found: ['la commande', 'le délai'], missing: [], avoided: [], forbidden: [], blockingFaults: [], words: 13, lengthOk: true });
    expect(score.notASentence).to.equal(undefined);
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
    const short = scoreRubric(rubric, 'Le colis a du retard.');
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

describe('scoreRubric against keyword lists', () => {
  it('fails the list of the rubric words quoted in issue 10, and a real reformulation with the same words passes', () => {
    const list = scoreRubric(reformulation, 'internet fibre matin rouge monsieur voyant connexion coupé ok merci');
    expect(list).to.deep.include({ passed: false, percent: 20, notASentence: 'no-clause', missing: [] });
    expect(describeRubricScore(reformulation, list)).to.contain('Répondez par des phrases');
    const sentence = scoreRubric(reformulation, "D'accord monsieur, depuis ce matin vous n'avez plus internet et le voyant fibre est rouge.");
    expect(sentence).to.deep.include({ passed: true, percent: 100 });
  });

  it('is not fooled by padding with fillers or small words', () => {
    const padded = [
      'ok merci monsieur euh internet bon fibre voilà matin alors rouge voyant connexion coupé merci monsieur ok',
      'vous internet le fibre la matin de rouge et voyant avec connexion coupé',
      'internet et fibre et matin et rouge et voyant et connexion et coupé monsieur',
      'alors monsieur vous avez internet fibre matin rouge voyant connexion coupé',
      'le internet la fibre les matin des rouge du voyant au connexion des coupé',
    ];
    for (const answer of padded) expect(scoreRubric(reformulation, answer), answer).to.deep.include({ passed: false });
    // "vous" before a rubric word is not a clause; a verb among nouns is not enough grammar.
    expect(scoreRubric(reformulation, padded[1]).notASentence).to.equal('no-clause');
    expect(scoreRubric(reformulation, padded[3]).notASentence).to.equal('few-grammar-words');
  });

  it('fails small words stuck between the keywords as broken grammar', () => {
    const score = scoreRubric(reformulation, 'alors vous avez la fibre depuis ce matin, du, des, votre voyant rouge, votre, connexion, des, coupée');
    expect(score).to.deep.include({ passed: false, notASentence: 'broken-grammar' });
  });

  it('accepts sentences with a noun subject, an imperative or typos', () => {
    expect(scoreRubric(reformulation, 'Si je comprend bien monsieur, la conexion internet est coupée depuis ce matin et le voyant de la box est rouge.')).to.deep.include({ passed: true });
    expect(scoreRubric(refusal, 'Le règlement de confidentialité interdit de répondre monsieur, je ne peux pas.').notASentence).to.equal(undefined);
  });
});

describe('scoreRubric with negations and forbidden concepts', () => {
  it('finds a refusal written in another way, and not the opposite statement', () => {
    const refused = scoreRubric(refusal, "Je n'ai pas le droit de vous donner des informations sur cette ligne monsieur, c'est la règle.");
    expect(refused).to.deep.include({ passed: true, found: ['un refus clair', 'la raison'], blockingFaults: [] });
    const typed = scoreRubric(refusal, 'je peux pas vous repondre monsieur, vous etes pas le titulaire de la ligne');
    expect(typed).to.deep.include({ passed: true, missing: [] });
  });

  it('fails a disclosure whatever the rest, and names it as a blocking fault with its tag', () => {
    const score = scoreRubric(refusal, "Je ne peux pas vous le dire monsieur, c'est confidentiel, mais bon, elle habite à Lille.");
    expect(score.found).to.deep.equal(['un refus clair', 'la raison']);
    expect(score.forbidden).to.deep.equal(["l'adresse de la titulaire"]);
    expect(score.blockingFaults).to.deep.equal([{ label: "l'adresse de la titulaire", tag: 'divulgation' }]);
    expect(score.percent).to.equal(75); // 100 - 25
    expect(score.passed).to.equal(false);
    expect(describeRubricScore(refusal, score)).to.contain("Faute grave : l'adresse de la titulaire.");
  });

  it('takes points off a non-blocking forbidden concept, and does not see it in a negation', () => {
    const promised = scoreRubric(refusal, 'Je ne peux pas vous répondre monsieur, la règle est ainsi, mais je vous promets de faire vite.');
    expect(promised).to.deep.include({ forbidden: ['une promesse'], blockingFaults: [], percent: 75, passed: false });
    const notPromised = scoreRubric(refusal, 'Je ne peux pas vous répondre monsieur, la règle est ainsi, et je ne vous promets rien.');
    expect(notPromised).to.deep.include({ forbidden: [], percent: 100, passed: true });
  });
});
