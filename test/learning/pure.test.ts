import { expect } from 'chai';
import { applyStatement, emptyProgress, foldProgress, touchOf } from '../../src/server/learning/progress/progress-reducer.ts';
import { durationSeconds, isoDuration } from '../../src/server/learning/xapi/statement-builder.ts';
import { seededShuffle } from '../../src/server/seeded-shuffle.ts';
import { readAnswer } from '../../src/server/learning/player/quiz-questions.ts';
import { grade } from '../../src/server/learning/player/exercise-answers.ts';
import type { Statement } from '../../src/lrs/index.ts';
import type { Question } from '../../src/server/courses/format/types.ts';

const BASE = 'http://tremplin.test';
const ITEM = `${BASE}/xapi/activities/modules/m/items/quiz`;

/** A stored statement of ours; overrides win. */
function makeStatement(over: { verb: string; object?: string; registration?: string; result?: Record<string, unknown>; stored?: string; homePage?: string }): Statement {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    actor: { objectType: 'Agent', account: { homePage: over.homePage ?? BASE, name: 'u1' } },
    verb: { id: `http://adlnet.gov/expapi/verbs/${over.verb}` },
    object: { objectType: 'Activity', id: over.object ?? ITEM },
    ...(over.result ? { result: over.result } : {}),
    context: { registration: over.registration ?? 'r1' },
    stored: over.stored ?? '2026-11-26T10:00:00.000Z',
    timestamp: over.stored ?? '2026-11-26T10:00:00.000Z',
    authority: { objectType: 'Agent', account: { homePage: BASE, name: 'lms' } },
    version: '1.0.0',
  };
}

describe('learning: pure parts', () => {
  describe('progress reducer', () => {
    it('never lowers a status, keeps the best score, adds durations and counts attempts by registration', () => {
      const rows = foldProgress(BASE, [
        makeStatement({ verb: 'launched', registration: 'r1' }),
        makeStatement({ verb: 'answered', object: `${ITEM}/q1`, registration: 'r1' }),
        makeStatement({ verb: 'passed', registration: 'r1', result: { score: { scaled: 0.8 }, duration: 'PT2M' } }),
        makeStatement({ verb: 'launched', registration: 'r2' }),
        makeStatement({ verb: 'failed', registration: 'r2', result: { score: { scaled: 0.4 }, duration: 'PT1M30S' } }),
      ]);
      expect([...rows.values()]).to.have.length(1);
      expect([...rows.values()][0]).to.deep.include({ status: 'passed', scoreScaled: 0.8, attempts: 2, durationSeconds: 210, lastRegistration: 'r2' });
    });

    it('ignores other instances, other verbs and objects that are not our items', () => {
      expect(touchOf(BASE, makeStatement({ verb: 'completed', homePage: 'http://ailleurs.example' }))).to.equal(null);
      expect(touchOf(BASE, makeStatement({ verb: 'voided' }))).to.equal(null);
      expect(touchOf(BASE, makeStatement({ verb: 'completed', object: `${BASE}/xapi/activities/modules/m` }))).to.equal(null);
      const touch = touchOf(BASE, makeStatement({ verb: 'experienced', object: `${ITEM}/page-1` }));
      expect(touch).to.deep.include({ moduleId: 'm', itemId: 'quiz', itemLevel: false });
      const row = applyStatement(emptyProgress(touch!, 'x'), touch!, makeStatement({ verb: 'completed', object: `${ITEM}/page-1` }));
      expect(row.status).to.equal('in_progress');
    });
  });

  it('writes and reads ISO 8601 durations', () => {
    expect(isoDuration(0)).to.equal('PT0S');
    expect(isoDuration(75.5)).to.equal('PT1M15.5S');
    expect(isoDuration(3600)).to.equal('PT1H');
    expect(durationSeconds('PT1H2M3S')).to.equal(3723);
    expect(durationSeconds('P1DT1S')).to.equal(86401);
    expect(durationSeconds('nonsense')).to.equal(0);
  });

  it('shuffles the same way for the same seed and never leaves an ordering solved', () => {
    const steps = ['a', 'b', 'c'];
    expect(seededShuffle(steps, 'seed-1')).to.deep.equal(seededShuffle(steps, 'seed-1'));
    for (let i = 0; i < 50; i++) expect(seededShuffle(steps, `s${i}`)).to.not.deep.equal(steps);
  });

  it('reads answers, telling mistakes from values no form can send', () => {
    const q: Question = { id: 'q', type: 'ordering', prompt: 'p', competencies: [], points: 1, steps: [{ id: 's1', text: 'A' }, { id: 's2', text: 'B' }], feedback: { correct: 'ok', incorrect: 'ko' } };
    expect(readAnswer(q, { position_1: 's2', position_2: 's1' })).to.deep.equal({ ok: true, response: 's2[,]s1', correct: false });
    expect(readAnswer(q, { position_1: 's1', position_2: 's1' })).to.deep.include({ ok: false, tampered: false, errorKey: 'learning.quiz.errors.orderOnce' });
    expect(readAnswer(q, { position_1: 's1', position_2: 's9' })).to.deep.include({ ok: false, tampered: true });
    expect(readAnswer(q, { position_1: ['s1', 's2'], position_2: 's2' })).to.deep.include({ ok: false, tampered: false });
  });

  it('grades against the pass mark', () => {
    const parts = [{ id: 'a', points: 1 }, { id: 'b', points: 3 }];
    expect(grade(parts, { a: { response: 'x', correct: true, points: 1 }, b: { response: 'y', correct: true, points: 2 } }, 75)).to.deep.equal({ raw: 3, max: 4, scaled: 0.75, success: true });
    expect(grade(parts, { a: { response: 'x', correct: false, points: 0 } }, 10).success).to.equal(false);
  });
});
