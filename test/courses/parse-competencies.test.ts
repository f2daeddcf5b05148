import { expect } from 'chai';
import { competencyCodes, parseCompetencies } from '../../src/server/courses/format/parse-competencies.ts';

const VALID = `title: Référentiel
reference: RNCP 35304
blocks:
  - code: CCP1
    label: Bloc 1
    competencies:
      - code: CCP1.1
        label: Accueillir
  - code: T
    label: Transversales
    competencies:
      - code: T1
        label: Communiquer
`;

describe('parseCompetencies', () => {
  it('reads blocks and competencies', () => {
    const result = parseCompetencies(VALID);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect([...competencyCodes(result.framework)]).to.deep.equal(['CCP1.1', 'T1']);
    expect(result.framework.blocks[1].competencies[0]).to.deep.equal({ code: 'T1', label: 'Communiquer', block: 'T' });
  });

  it('refuses a duplicated code, at its line', () => {
    const result = parseCompetencies(VALID.replace('code: T1', 'code: CCP1.1'));
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors).to.deep.equal([{ file: 'competences.yaml', line: 12, message: 'blocks[1].competencies[0].code : le code « CCP1.1 » est déjà utilisé' }]);
  });

  it('refuses a malformed code, at its line', () => {
    const result = parseCompetencies(VALID.replace('code: T1', 'code: t-1'));
    expect(!result.ok && result.errors[0]).to.include({ file: 'competences.yaml', line: 12 });
  });

  it('ships the RNCP 35304 framework with the agreed codes', async () => {
    const fs = await import('node:fs');
    const shipped = parseCompetencies(fs.readFileSync('courses/competences.yaml', 'utf8'));
    if (!shipped.ok) throw new Error(JSON.stringify(shipped.errors));
    expect(shipped.framework.reference).to.equal('RNCP 35304');
    expect([...competencyCodes(shipped.framework)]).to.deep.equal(['CCP1.1', 'CCP1.2', 'CCP1.3', 'CCP1.4', 'CCP1.5', 'CCP2.1', 'CCP2.2', 'CCP2.3', 'T1', 'T2', 'T3', 'T4']);
  });
});
