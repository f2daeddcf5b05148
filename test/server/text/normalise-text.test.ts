import { expect } from 'chai';
import { normaliseText } from '../../../src/server/text/normalise-text.ts';

describe('text: normaliseText', () => {
  const cases: Array<[string, string, string]> = [
    ['accents and case', 'Maison d’Arrêt', "maison d'arret"],
    ['repeated and unusual spaces', ' maison \u00A0 \t d\u2019arrêt\n', "maison d'arret"],
    ['zero-width and other format characters', 'pri\u200Bs\u200Do\u2060n\uFEFF\u00AD', 'prison'],
    ['full-width letters (NFKC)', 'ＰＲＩＳＯＮ', 'prison'],
    ['ligatures', 'Œuvre ﬁnale', 'oeuvre finale'],
    ['Cyrillic letters drawn like Latin ones', 'рrisоn', 'prison'],
    ['combining accents typed separately', 'de\u0301tenu', 'detenu'],
    ['apostrophe variants', 'l\u2019a l\u02BCb l`c l\uFF07d', "l'a l'b l'c l'd"],
    ['dash variants', 'semi\u2011liberté semi\u2013liberté', 'semi-liberte semi-liberte'],
  ];
  for (const [what, input, expected] of cases) {
    it(`folds ${what}`, () => expect(normaliseText(input)).to.equal(expected));
  }
});
