import { expect } from 'chai';
import { csvFileName, toCsv } from '../../src/server/followup/csv.ts';

describe('toCsv', () => {
  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).to.equal('\uFEFFa;b\r\n1;2\r\n');
  });

  it('quotes separators, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    const line = toCsv(['x'], [['Dupont; Jean', 'dit "Jo"', 'deux\nlignes', ' espace', 'sans']]).split('\r\n')[1];
    expect(line).to.equal('"Dupont; Jean";"dit ""Jo""";"deux\nlignes";" espace";sans');
  });

  it('keeps formulas as text, even one that starts like a negative number, but leaves numbers alone', () => {
    expect(toCsv(['x'], [['=1+1', '@SUM(A1)', '+33', '-2', '-x', -2]]).split('\r\n')[1]).to.equal("'=1+1;'@SUM(A1);'+33;'-2;'-x;-2");
    expect(toCsv(['x'], [["-2+3+cmd|' /C calc'!A0"]]).split('\r\n')[1]).to.equal("'-2+3+cmd|' /C calc'!A0");
    // Tab and CR also start a formula in some spreadsheets; CR also forces quoting.
    expect(toCsv(['x'], [['\t=1', '\r=1']]).split('\r\n')[1]).to.equal('\'\t=1;"\'\r=1"');
  });

  it('makes safe file names', () => {
    expect(csvFileName('présences', 'Groupe "A"/B', '2026-09-01')).to.equal('presences-Groupe-A-B-2026-09-01.csv');
  });
});
