import { expect } from 'chai';
import { analyseFrench } from '../../src/server/roleplay/rubric/analyse-french.ts';
import { compilePhrase, findPhrase } from '../../src/server/roleplay/rubric/find-phrase.ts';
import { tokeniseFrench } from '../../src/server/roleplay/rubric/tokenise-french.ts';

const has = (answer: string, phrase: string): boolean => findPhrase(analyseFrench(answer), compilePhrase(phrase)) !== undefined;

/** "!" before a negated word, brackets around a negation particle. */
const polarity = (text: string): string =>
  analyseFrench(text)
    .filter((t) => t.kind !== 'mark')
    .map((t) => (t.particle ? `(${t.folded})` : `${t.negated ? '!' : ''}${t.folded}`))
    .join(' ');

describe('tokeniseFrench', () => {
  it('expands elisions, splits hyphens, keeps question marks and decimal numbers', () => {
    expect(tokeniseFrench("Qu'avez-vous reçu ? J’ai 89,90 €").map((t) => t.folded)).to.deep.equal(['que', 'avez', 'vous', 'recu', '?', 'je', 'ai', '89.90', 'euro']);
  });
  it('reads "s\'" as "si" before il and as "se" elsewhere, and glued elisions as if the apostrophe were there', () => {
    expect(tokeniseFrench("s'il vous plaît, il s'est passé").map((t) => t.folded)).to.deep.equal(['si', 'il', 'vous', 'plait', ',', 'il', 'se', 'est', 'passe']);
    expect(tokeniseFrench('cest jai nest').map((t) => t.folded)).to.deep.equal(['ce', 'est', 'je', 'ai', 'ne', 'est']);
  });
  it('keeps accents on the surface form and folds them apart', () => {
    expect(tokeniseFrench('Acquittée Cœur').map((t) => [t.surface, t.folded])).to.deep.equal([['acquittée', 'acquittee'], ['coeur', 'coeur']]);
  });
});

describe('matching a rubric expression', () => {
  it('matches inflections through Snowball stems', () => {
    expect(has('Vous serez remboursée sous cinq jours', 'remboursement')).to.equal(true);
    expect(has('nous vérifions avec le service', 'vérification')).to.equal(true);
    expect(has('les opticiens partenaires', 'opticien')).to.equal(true);
    expect(has('une coupure de courant', 'coupé')).to.equal(false);
  });

  it('forgives missing accents', () => {
    expect(has('la facture acquittee', 'acquittée')).to.equal(true);
    expect(has('cest la regle de confidentialite', "c'est la règle")).to.equal(true);
    expect(has('je suis desolee madame', 'désolée')).to.equal(true);
  });

  it('forgives one typo from 5 letters and two from 9, never on short words or the first letter', () => {
    expect(has('plus de connextion', 'connexion')).to.equal(true);
    expect(has('la facture acquitée', 'acquittée')).to.equal(true);
    expect(has('pour la confidantialitée', 'confidentialité')).to.equal(true);
    expect(has('le technicein viendra', 'technicien')).to.equal(true);
    expect(has('par courrier', 'pas')).to.equal(false);
    expect(has('le prix', 'pris')).to.equal(false);
    expect(has('un voyant', 'noyant')).to.equal(false);
    expect(has('la police', 'politesse')).to.equal(false);
  });

  it('matches a phrase as a sequence of words, allowing two words in between', () => {
    expect(has('je vous comprends tout à fait', 'je comprends')).to.equal(true);
    expect(has('je comprends bien sûr', 'je comprends')).to.equal(true);
    expect(has('comprends je', 'je comprends')).to.equal(false);
    expect(has('je, enfin nous, le service, comprends', 'je comprends')).to.equal(false);
    expect(has('le point. Conseil budget', 'point conseil budget')).to.equal(false);
  });

  it('matches numbers on their whole part and question marks as written', () => {
    expect(has('89,90 euros', '89')).to.equal(true);
    expect(has('189 euros', '89')).to.equal(false);
    expect(has('Vous avez un devis ?', '?')).to.equal(true);
    expect(has('Vous avez un devis.', '?')).to.equal(false);
  });
});

describe('negation', () => {
  it('marks the words a negation covers, up to the end of the clause', () => {
    expect(polarity('je ne peux pas vous donner son adresse')).to.equal('je (ne) !peux (pas) !vous !donner !son !adresse');
    expect(polarity("c'est pas possible, mais je vérifie")).to.equal('ce !est (pas) !possible mais je verifie');
    expect(polarity('rien ne sera fait sans votre accord')).to.equal('(rien) (ne) !sera !fait (sans) !votre !accord');
    expect(polarity('je ne peux que vous conseiller')).to.equal('je (ne) peux que vous conseiller');
  });

  it('does not find a positive statement in a negative one, nor the reverse', () => {
    expect(has('je ne peux pas vous donner son adresse', 'je peux vous donner')).to.equal(false);
    expect(has('je peux vous donner son adresse', 'je ne peux pas vous donner')).to.equal(false);
    expect(has('je ne vous promets rien', 'je vous promets')).to.equal(false);
    expect(has("ce n'est pas gratuit", "c'est gratuit")).to.equal(false);
  });

  it('finds a negative phrase however the negation is typed', () => {
    expect(has('je peux pas vous répondre', 'je ne peux pas')).to.equal(true);
    expect(has("je n'ai pas le droit de vous donner des informations", "je n'ai pas le droit")).to.equal(true);
    expect(has('je ne suis pas autorisée à le dire', 'pas autorisé')).to.equal(true);
    expect(has('vous ne paierez pas de frais', 'sans frais')).to.equal(true);
    expect(has('il n\'y aura pas de frais', 'aucun frais')).to.equal(true);
    expect(has('des frais de dossier', 'pas de frais')).to.equal(false);
  });

  it('finds a single word (a topic) in a negative sentence too', () => {
    expect(has("vous n'avez pas encore de devis ?", 'devis')).to.equal(true);
    expect(has("vous n'êtes pas le titulaire de la ligne", 'titulaire')).to.equal(true);
  });
});
