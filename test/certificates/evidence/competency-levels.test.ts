import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseCompetencies } from '../../../src/server/courses/format/parse-competencies.ts';
import type { CompetencyFramework } from '../../../src/server/courses/format/types.ts';
import { competencyLevels } from '../../../src/server/evidence/competency-levels.ts';
import { ACTIVITY_TYPES } from '../../../src/server/xapi/vocabulary.ts';
import { makeStatement } from '../make-statement.ts';

function framework(): CompetencyFramework {
  const parsed = parseCompetencies(readFileSync('courses/competences.yaml', 'utf8'));
  if (!parsed.ok) throw new Error('framework does not parse');
  return parsed.framework;
}
const levelOf = (rows: ReturnType<typeof competencyLevels>, code: string) => rows.find((r) => r.code === code);

describe('evidence: competencyLevels', () => {
  it('lists every competency of the framework in order, non acquis without evidence', () => {
    const rows = competencyLevels([], framework());
    expect(rows.map((r) => r.code)).to.deep.equal(['CCP1.1', 'CCP1.2', 'CCP1.3', 'CCP1.4', 'CCP1.5', 'CCP2.1', 'CCP2.2', 'CCP2.3', 'T1', 'T2', 'T3', 'T4']);
    expect(rows.every((r) => r.level === 'non_acquis' && r.evidenceCount === 0 && r.averageScaled === null)).to.equal(true);
    expect(rows[0]?.label).to.equal('Accueillir le client et identifier sa demande');
    expect(rows[0]?.block).to.equal('CCP1');
  });

  it('acquis needs two activities averaging at least 0.7', () => {
    const one = competencyLevels([makeStatement({ item: 'q1', scaled: 0.9 })], framework());
    expect(levelOf(one, 'CCP1.1')).to.include({ level: 'en_cours', evidenceCount: 1, averageScaled: 0.9 });
    const two = competencyLevels([makeStatement({ item: 'q1', scaled: 0.9 }), makeStatement({ item: 'q2', scaled: 0.6 })], framework());
    expect(levelOf(two, 'CCP1.1')).to.include({ level: 'acquis', evidenceCount: 2, averageScaled: 0.75 });
    const low = competencyLevels([makeStatement({ item: 'q1', scaled: 0.5 }), makeStatement({ item: 'q2', scaled: 0.6 })], framework());
    expect(levelOf(low, 'CCP1.1')?.level).to.equal('en_cours');
    const poor = competencyLevels([makeStatement({ item: 'q1', scaled: 0.2 }), makeStatement({ item: 'q2', scaled: 0.3 })], framework());
    expect(levelOf(poor, 'CCP1.1')?.level).to.equal('non_acquis');
  });

  it('keeps the latest score of each activity (a retry replaces the earlier one)', () => {
    const rows = competencyLevels(
      [
        makeStatement({ item: 'q1', verb: 'failed', scaled: 0.2, timestamp: '2026-10-01T10:00:00.000Z' }),
        makeStatement({ item: 'q1', verb: 'passed', scaled: 0.8, timestamp: '2026-10-02T10:00:00.000Z' }),
      ],
      framework(),
    );
    expect(levelOf(rows, 'CCP1.1')).to.include({ evidenceCount: 1, averageScaled: 0.8 });
  });

  it('counts a call with a blocking fault as 0 for each of its competencies, whatever its points', () => {
    const call = (blockingFaults: Array<{ tag: string; code: string; label: string; turn: number }>) => makeStatement({
      item: 'verification-identite',
      type: ACTIVITY_TYPES.roleplay,
      verb: blockingFaults.length > 0 ? 'failed' : 'passed',
      scaled: 0.9,
      competencies: ['CCP1.1', 'T3'],
      competencyScores: { 'CCP1.1': 1, T3: 0.85 },
      blockingFaults,
    });
    const clean = competencyLevels([call([])], framework());
    expect(levelOf(clean, 'T3')?.averageScaled).to.equal(0.85);
    const blocked = competencyLevels([call([{ tag: 'divulgation', code: 'disclosure', label: 'Confirme la ligne à un tiers.', turn: 1 }])], framework());
    expect(levelOf(blocked, 'T3')).to.include({ averageScaled: 0, evidenceCount: 1, level: 'non_acquis' });
    expect(levelOf(blocked, 'CCP1.1')).to.include({ averageScaled: 0, evidenceCount: 1 });
  });

  it('uses per-competency scores of a role-play call over its overall score', () => {
    const call = makeStatement({
      item: 'appel-livraison',
      type: ACTIVITY_TYPES.roleplay,
      verb: 'completed',
      scaled: 0.5,
      competencies: ['CCP1.1', 'CCP1.3'],
      competencyScores: { 'CCP1.3': 0.9, T4: 0.3 },
    });
    const rows = competencyLevels([call], framework());
    expect(levelOf(rows, 'CCP1.1')?.averageScaled).to.equal(0.5);
    expect(levelOf(rows, 'CCP1.3')?.averageScaled).to.equal(0.9);
    expect(levelOf(rows, 'T4')).to.include({ averageScaled: 0.3, level: 'non_acquis', evidenceCount: 1 });
  });

  it('ignores statements that are not ours, not results, or without a score, and unknown codes', () => {
    const rows = competencyLevels(
      [
        makeStatement({ item: 'q1', scaled: 1, ours: false }),
        makeStatement({ item: 'q2', scaled: 1, verb: 'answered' }),
        makeStatement({ item: 'q3', verb: 'completed' }),
        makeStatement({ item: 'q4', scaled: 1, competencies: ['ZZ9'] }),
      ],
      framework(),
    );
    expect(rows.every((r) => r.evidenceCount === 0)).to.equal(true);
  });
});
