import { expect } from 'chai';
import { practiceCounts } from '../../../src/server/evidence/practice-counts.ts';
import { thinEvidenceWarnings } from '../../../src/server/certificates/thin-evidence.ts';
import { ACTIVITY_TYPES } from '../../../src/server/xapi/vocabulary.ts';
import { fixtureEvidence } from '../snapshot-fixture.ts';
import { makeStatement } from '../make-statement.ts';

describe('evidence: practice counts and thin evidence', () => {
  it('counts calls by registration, distinct scenarios, distinct back-office cases and quizzes; ignores others', () => {
    const call = (registration: string, item: string) => makeStatement({ type: ACTIVITY_TYPES.roleplay, module: 'appels', item, registration, verb: 'failed', scaled: 0.3 });
    const counts = practiceCounts([
      call('r1', 'appel-a'),
      call('r1', 'appel-a'), // the same call closed twice
      call('r2', 'appel-a'),
      call('r3', 'appel-b'),
      makeStatement({ type: ACTIVITY_TYPES.roleplay, module: 'appels', item: 'appel-c', registration: 'r4', verb: 'abandoned' }),
      makeStatement({ type: ACTIVITY_TYPES.exercise, item: 'fiche', verb: 'passed', scaled: 0.8 }),
      makeStatement({ type: ACTIVITY_TYPES.exercise, item: 'fiche', verb: 'passed', scaled: 0.9 }),
      makeStatement({ type: ACTIVITY_TYPES.exercise, item: 'tri', verb: 'failed', scaled: 0.2 }),
      makeStatement({ type: ACTIVITY_TYPES.quiz, item: 'quiz-1', verb: 'passed', scaled: 0.7 }),
      makeStatement({ type: ACTIVITY_TYPES.quiz, item: 'quiz-2', verb: 'passed', scaled: 0.7, ours: false }),
      makeStatement({ type: ACTIVITY_TYPES.question, item: 'quiz-1', verb: 'answered', scaled: 1 }),
    ]);
    expect(counts).to.deep.equal({ calls: 3, callScenarios: 2, backOfficeCases: 2, quizzes: 1 });
  });

  it('warns below 4 stated competencies, 3 calls or 35 h of attendance, and only then', () => {
    const enough = fixtureEvidence(1, 1, { practice: { calls: 3, callScenarios: 1, backOfficeCases: 0, quizzes: 0 }, hours: { attendanceHours: 35, timeOnTaskHours: 0 } }).evidence;
    expect(thinEvidenceWarnings(enough)).to.deep.equal([]);
    const thin = fixtureEvidence(1, 1, { levels: 'non_acquis', practice: { calls: 2, callScenarios: 1, backOfficeCases: 0, quizzes: 0 }, hours: { attendanceHours: 34.5, timeOnTaskHours: 0 } }).evidence;
    expect(thinEvidenceWarnings(thin)).to.deep.equal([
      { code: 'competencies', actual: 0, threshold: 4 },
      { code: 'calls', actual: 2, threshold: 3 },
      { code: 'hours', actual: 34.5, threshold: 35 },
    ]);
  });
});
