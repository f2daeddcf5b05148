import { expect } from 'chai';
import { checkFieldAnswer } from '../../src/server/courses/format/check-field.ts';
import type { FieldCheck } from '../../src/server/courses/format/types.ts';

/** The shipped reclamation-email "reprise" check, and its note-style variant without `sentence`. */
const reprise: FieldCheck = { rule: 'keywords', all: [['prelev', 'debit'], ['deux fois', 'double', '2 fois'], ['34']], sentence: true };
const note: FieldCheck = { rule: 'keywords', all: [['coussin'], ['49'], ['lampe'], ['echang']] };
const empathy: FieldCheck = { rule: 'keywords', all: [['comprend', 'désolé', 'pénible']], sentence: true };

describe('exercise keywords graded like typed turns', () => {
  it('accepts the sentence a trainer expects, without accents or with a typo', () => {
    expect(checkFieldAnswer(reprise, 'Vous avez été prélevée deux fois de 34,90 € le 5 mars pour votre facture de février.')).to.equal(true);
    expect(checkFieldAnswer(reprise, 'vous avez ete prelevee deux fois 34,90 euros le 5 mars, madame')).to.equal(true);
    expect(checkFieldAnswer(empathy, 'Je suis desolee madame, c’est vraiment penible pour vous.')).to.equal(true);
    expect(checkFieldAnswer(empathy, 'Je comprends, monsieur, trois jours sans machine, c’est vraiment pénibble.')).to.equal(true);
  });

  it('refuses a list of the keywords where a sentence to the customer is expected', () => {
    expect(checkFieldAnswer(reprise, 'prélèvement deux fois 34,90')).to.equal(false);
    expect(checkFieldAnswer(reprise, 'prelevement, double, 34 euros, merci madame')).to.equal(false);
  });

  it('does not see a word of the trainer in its negation', () => {
    const done: FieldCheck = { rule: 'keywords', all: [['remboursement effectué']] };
    expect(checkFieldAnswer(done, 'Remboursement effectué le 9 mars.')).to.equal(true);
    expect(checkFieldAnswer(done, 'Aucun remboursement effectué pour l’instant.')).to.equal(false);
  });

  it('keeps telegraphic notes valid where no sentence is asked, and prefixes still work', () => {
    expect(checkFieldAnswer(note, 'Coussin facturé 3 fois, livré 1 fois : remboursement 49,80 €. Lampe abîmée, échange lancé.')).to.equal(true);
    expect(checkFieldAnswer(note, 'Coussin facturé 3 fois : remboursement 49,80 €. Lampe abîmée.')).to.equal(false);
  });
});
