import { expect } from 'chai';
import { checkFieldAnswer, parseFrenchDate, parseFrenchNumber } from '../../src/server/courses/format/check-field.ts';
import { normaliseAnswer } from '../../src/server/courses/format/normalise-answer.ts';

describe('normaliseAnswer', () => {
  for (const [input, expected] of [
    ['L’Accueil !', 'l accueil'],
    ["  l'accueil ", 'l accueil'],
    ['Cœur ÉLÈVE', 'coeur eleve'],
    ['TV+ Cinéma', 'tv cinema'],
    ['Windows+L', 'windows l'],
  ]) {
    it(`folds "${input}"`, () => expect(normaliseAnswer(input)).to.equal(expected));
  }
});

describe('parseFrenchNumber and parseFrenchDate', () => {
  it('reads French numbers', () => {
    expect(parseFrenchNumber('12,50 €')).to.equal(12.5);
    expect(parseFrenchNumber('1 250,5')).to.equal(1250.5);
    expect(parseFrenchNumber('douze')).to.equal(undefined);
  });
  it('reads ISO and French dates, and refuses impossible ones', () => {
    expect(parseFrenchDate('2026-03-12')).to.equal('2026-03-12');
    expect(parseFrenchDate('12/03/2026')).to.equal('2026-03-12');
    expect(parseFrenchDate('1.4.2026')).to.equal('2026-04-01');
    expect(parseFrenchDate('31/02/2026')).to.equal(undefined);
    expect(parseFrenchDate('demain')).to.equal(undefined);
  });
});

describe('checkFieldAnswer', () => {
  it('exact keeps case but ignores extra spaces', () => {
    expect(checkFieldAnswer({ rule: 'exact', value: 'CARON' }, '  CARON ')).to.equal(true);
    expect(checkFieldAnswer({ rule: 'exact', value: 'CARON' }, 'Caron')).to.equal(false);
  });
  it('one_of accepts any listed value', () => {
    const check = { rule: 'one_of', values: ['Oui', 'Non'] } as const;
    expect(checkFieldAnswer({ ...check, values: [...check.values] }, 'Non')).to.equal(true);
    expect(checkFieldAnswer({ ...check, values: [...check.values] }, 'Peut-être')).to.equal(false);
  });
  it('regex matches the whole answer', () => {
    const check = { rule: 'regex', pattern: '41000', flags: '' } as const;
    expect(checkFieldAnswer(check, '41000')).to.equal(true);
    expect(checkFieldAnswer(check, '410001')).to.equal(false);
  });
  it('regex refuses over-long answers without running the pattern', () => {
    // The pattern matches the answer, so only a refusal before running it gives false (no clock needed).
    const matching = { rule: 'regex', pattern: 'a+', flags: '' } as const;
    expect(checkFieldAnswer(matching, 'a'.repeat(50))).to.equal(true);
    expect(checkFieldAnswer(matching, 'a'.repeat(5000))).to.equal(false);
  });
  it('number_range is inclusive and reads commas', () => {
    const check = { rule: 'number_range', min: 9.99, max: 9.99 } as const;
    expect(checkFieldAnswer(check, '9,99')).to.equal(true);
    expect(checkFieldAnswer(check, '9.98')).to.equal(false);
    expect(checkFieldAnswer(check, '')).to.equal(false);
  });
  it('date compares the day whatever the writing', () => {
    const check = { rule: 'date', value: '2026-03-16' } as const;
    expect(checkFieldAnswer(check, '16/03/2026')).to.equal(true);
    expect(checkFieldAnswer(check, '2026-03-15')).to.equal(false);
  });
  it('normalised_text ignores case, accents and punctuation', () => {
    expect(checkFieldAnswer({ rule: 'normalised_text', values: ['TV+ Cinéma'] }, 'tv + cinema')).to.equal(true);
    expect(checkFieldAnswer({ rule: 'normalised_text', values: ['TV+ Cinéma'] }, 'cinéma')).to.equal(false);
  });
  it('keywords needs every group, and a keyword matches the start of a word', () => {
    const check = { rule: 'keywords', all: [['rembours'], ['prelev', 'double']] } as const;
    const groups = check.all.map((g) => [...g]);
    expect(checkFieldAnswer({ rule: 'keywords', all: groups }, 'Remboursement de votre prélèvement')).to.equal(true);
    expect(checkFieldAnswer({ rule: 'keywords', all: groups }, 'Votre prélèvement')).to.equal(false);
    expect(checkFieldAnswer({ rule: 'keywords', all: groups }, 'Nous remboursons le débit double')).to.equal(true);
    expect(checkFieldAnswer({ rule: 'keywords', all: groups }, 'nonrembourse prelev')).to.equal(false);
  });
});
