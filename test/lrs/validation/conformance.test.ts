/**
 * Every templated statement the ADL conformance suite sends (1.0.3 and 2.0.0), with the status it
 * expects: 400 must give issues, 200 must give none. cases.json comes from extract-cases.ts.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { validateStatement, formatIssues } from '../../../src/lrs/validation/index.ts';

interface SuiteCase { version: '1.0' | '2.0'; file: string; group: string; name: string; statement: unknown; expect: number }

const { suiteCommit, cases } = JSON.parse(readFileSync(new URL('./conformance/cases.json', import.meta.url), 'utf8')) as { suiteCommit: string; cases: SuiteCase[] };

describe(`lrs validation: ADL conformance suite statements (suite ${suiteCommit.slice(0, 7)})`, () => {
  it('holds enough cases of both kinds and versions to mean something', () => {
    for (const version of ['1.0', '2.0']) {
      expect(cases.filter((c) => c.version === version && c.expect === 200).length).to.be.greaterThan(300);
      expect(cases.filter((c) => c.version === version && c.expect === 400).length).to.be.greaterThan(500);
    }
  });

  for (const version of ['1.0', '2.0'] as const) {
    it(`gives the expected verdict on every ${version} case`, () => {
      const wrong: string[] = [];
      for (const c of cases) {
        if (c.version !== version) continue;
        const issues = validateStatement(c.statement, { version });
        if ((issues.length > 0 ? 400 : 200) !== c.expect) {
          wrong.push(`${c.file} | ${c.name}: expected ${c.expect}${issues.length ? `, got\n${formatIssues(issues)}` : ''}`);
        }
      }
      expect(wrong, wrong.join('\n')).to.deep.equal([]);
    });
  }
});
