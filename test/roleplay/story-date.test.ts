import { expect } from 'chai';
import { edit, fixtureText, lineOf, parse } from './helpers.ts';

const FILE = 'module/roleplays/wrong-weekday.yaml';
const wrong = fixtureText('wrong-weekday');

function errorsOf(text: string, file = FILE): Array<{ file: string; line?: number; message: string }> {
  const result = parse(text, file);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('storyDate and the weekdays written in a scenario', () => {
  it('reports every weekday that the calendar of the story year contradicts, on its line, and only those', () => {
    // 2026-11-24 is a Tuesday: "mardi 24 novembre 2026", "lundi 30/11" and "Jeudi 3 décembre" are right.
    expect(errorsOf(wrong)).to.deep.equal([
      { file: FILE, line: lineOf(wrong, 'mardi 25 novembre'), message: '« mardi 25 novembre » : le 25 novembre 2026 (année de storyDate 2026-11-24) est un mercredi, pas un mardi.' },
      {
        file: FILE,
        line: lineOf(wrong, 'samedi 6'),
        message: '« samedi 6 » ne correspond pas au calendrier : le 6 novembre 2026 est un vendredi, le 6 décembre 2026 est un dimanche (storyDate 2026-11-24).',
      },
      { file: FILE, line: lineOf(wrong, 'mardi 24 novembre 2025'), message: '« mardi 24 novembre 2025 » : le 24 novembre 2025 est un lundi, pas un mardi.' },
      { file: FILE, line: lineOf(wrong, 'vendredi 31 novembre'), message: '« vendredi 31 novembre » : le 31 novembre 2026 (année de storyDate 2026-11-24) n’existe pas.' },
    ]);
  });

  it('accepts the scenario once each date agrees with its weekday, and keeps storyDate', () => {
    let fixed = edit(wrong, 'le mardi 25 novembre', 'le mercredi 25 novembre');
    fixed = edit(fixed, 'samedi 6, c', 'dimanche 6, c');
    fixed = edit(fixed, 'mardi 24 novembre 2025', 'lundi 24 novembre 2025');
    fixed = edit(fixed, 'vendredi 31 novembre', 'mardi 1er décembre');
    const result = parse(fixed, FILE);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.storyDate).to.equal('2026-11-24');
  });

  it('reads a date without a year in the story year, not in the current one', () => {
    // 25 November is a Tuesday in 2025 and a Wednesday in 2026.
    const in2025 = edit(wrong, 'storyDate: 2026-11-24', 'storyDate: 2025-11-24');
    const messages = errorsOf(in2025).map((e) => e.message);
    expect(messages.some((m) => m.startsWith('« mardi 25 novembre »'))).to.equal(false);
    expect(messages).to.include('« lundi 30/11 » : le 30 novembre 2025 (année de storyDate 2025-11-24) est un dimanche, pas un lundi.');
  });

  it('does not read hours as dates', () => {
    const hours = edit(wrong, 'Il passera samedi 6, c', 'Il passera lundi 9 h ou jeudi 17 heures, c');
    expect(errorsOf(hours).map((e) => e.message).some((m) => m.includes('lundi 9') || m.includes('jeudi 17'))).to.equal(false);
  });

  it('requires storyDate, as a real date written YYYY-MM-DD', () => {
    const missing = edit(wrong, 'storyDate: 2026-11-24\n', '');
    expect(errorsOf(missing)).to.deep.include({
      file: FILE,
      line: lineOf(missing, 'id: wrong-weekday'),
      message: '« storyDate » est obligatoire : la date du jour où se passe l’histoire, au format AAAA-MM-JJ (ex. storyDate: 2026-11-24).',
    });
    const impossible = edit(wrong, 'storyDate: 2026-11-24', 'storyDate: 2026-02-30');
    expect(errorsOf(impossible)).to.deep.equal([
      { file: FILE, line: lineOf(impossible, 'storyDate:'), message: '« storyDate » doit être une date réelle au format AAAA-MM-JJ (ici « 2026-02-30 »).' },
    ]);
    const french = edit(wrong, 'storyDate: 2026-11-24', 'storyDate: 24/11/2026');
    expect(errorsOf(french)).to.deep.equal([
      { file: FILE, line: lineOf(french, 'storyDate:'), message: '« storyDate » doit être une date réelle au format AAAA-MM-JJ (ici « 24/11/2026 »).' },
    ]);
  });
});
