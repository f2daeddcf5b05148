import { expect } from 'chai';
import { forbiddenWordsIn, forbiddenWordsInUrl } from '../../src/server/certificates/forbidden-words.ts';

describe('certificates: detention lexicon', () => {
  const revealing: Array<[string, string]> = [
    ['incarcération', 'incarceration'],
    ['a été incarcérée deux ans', 'incarceree'],
    ['avec ses codétenus', 'codetenus'],
    ['suivi par le SPIP', 'spip'],
    ['maison centrale de Poissy', 'maison centrale'],
    ["maison  d'arrêt", 'maison d arret'],
    ['Maison d’Arrêt', 'maison d arret'],
    ['pri\u200Bson', 'prison'],
    ['ＰＲＩＳＯＮ', 'prison'],
    ['les prisonniers', 'prisonniers'],
    ['détenue', 'detenue'],
    ['co-détenus', 'detenus'],
    ['centre de détention de Muret', 'detention'],
    ['centre pénitentiaire', 'penitentiaire'],
    ['établissement pénitentiaire', 'penitentiaire'],
    ['surveillant pénitentiaire', 'penitentiaire'],
    ['quartier de semi-liberté', 'semi liberte'],
    ['quartier disciplinaire', 'quartier disciplinaire'],
    ["quartier d'isolement", 'quartier d isolement'],
    ['écroué le 3 mars', 'ecroue'],
    ['mise sous écrou', 'ecrou'],
    ['vu par le JAP', 'jap'],
    ["le juge de l'application des peines", 'application des peines'],
    ['libération conditionnelle', 'liberation conditionnelle'],
    ['condamné', 'condamne'],
    ['aménagement de peine', 'amenagement de peine'],
    ['univers carcéral', 'carceral'],
  ];
  for (const [text, word] of revealing) {
    it(`finds "${text}"`, () => expect(forbiddenWordsIn(text)).to.include(word));
  }

  const ordinary = [
    'prise en charge du client',
    'prise de parole en public',
    'un prisme, des prises',
    'un moment de détente',
    'détenteur du permis B',
    'le quartier de la gare, le quartier de centre-ville',
    'à peine dix minutes ; ce n’est pas la peine',
    "la centrale d'achat et la maison mère",
    "un arrêt de bus, l'arrêt de travail",
    'un surveillant d’examen',
    'le japonais, Capri',
    'un point retenu, une comparaison',
    'Association Cap Avenir Formation, 12 rue des Lilas, 69003 Lyon',
  ];
  for (const text of ordinary) {
    it(`lets "${text}" through`, () => expect(forbiddenWordsIn(text)).to.deep.equal([]));
  }

  const urls: Array<[string, string[]]> = [
    ['http://formation.prison-exemple.local', ['prison']],
    ['https://verif.detention-ouest.fr', ['detention']],
    ['https://maisondarret-lyon.fr/verify', ['maisondarret']],
    ['https://www.penitentiaire.gouv.fr', ['penitentiaire']],
    ['https://formation.example.org/centre-penitentiaire/', ['penitentiaire']],
    ['https://verif.example.org/a%20prison', ['prison']],
    [`https://${'pri\u0455on'}.example.org`, ['prison']],
    ['https://verif.cap-avenir.fr', []],
    ['https://prise-en-charge.example.org', []],
  ];
  for (const [url, words] of urls) {
    it(`reads the URL ${url}`, () => expect(forbiddenWordsInUrl(url)).to.deep.equal(words));
  }
});
