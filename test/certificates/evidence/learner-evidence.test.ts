import { expect } from 'chai';
import { applyOverrides } from '../../../src/server/evidence/level-overrides.ts';
import { modulesCompleted } from '../../../src/server/evidence/modules-completed.ts';
import { roleplayPerformance } from '../../../src/server/evidence/roleplay-performance.ts';
import { timeOnTaskSeconds, trainingHours } from '../../../src/server/evidence/training-hours.ts';
import { ACTIVITY_TYPES } from '../../../src/server/xapi/vocabulary.ts';
import { BASE_URL, makeStatement } from '../make-statement.ts';

const outline = [{ id: 'm1', title: 'Accueil', items: [{ id: 'lesson' }, { id: 'quiz' }] }];

describe('evidence: modules, hours, role-play, overrides', () => {
  it('a module is completed when every item is completed or passed; average of best scores', () => {
    const partial = modulesCompleted([makeStatement({ module: 'm1', item: 'quiz', verb: 'passed', scaled: 0.6 })], outline, BASE_URL);
    expect(partial[0]).to.include({ completed: false, itemsDone: 1, itemsTotal: 2, completedAt: null, averageScaled: 0.6 });
    const full = modulesCompleted(
      [
        makeStatement({ module: 'm1', item: 'quiz', verb: 'failed', scaled: 0.3 }),
        makeStatement({ module: 'm1', item: 'quiz', verb: 'passed', scaled: 0.9 }),
        makeStatement({ module: 'm1', item: 'lesson', verb: 'completed', timestamp: '2026-10-05T09:00:00.000Z' }),
      ],
      outline,
      BASE_URL,
    );
    expect(full[0]).to.include({ completed: true, itemsDone: 2, completedAt: '2026-10-05T09:00:00.000Z', averageScaled: 0.9 });
  });

  it('a failed attempt alone does not complete an item', () => {
    const rows = modulesCompleted(
      [makeStatement({ module: 'm1', item: 'quiz', verb: 'failed', scaled: 0.2 }), makeStatement({ module: 'm1', item: 'lesson', verb: 'completed' })],
      outline,
      BASE_URL,
    );
    expect(rows[0]?.completed).to.equal(false);
  });

  it('time on task sums the durations of closing statements only', () => {
    const statements = [
      makeStatement({ verb: 'passed', duration: 'PT1H30M' }),
      makeStatement({ verb: 'answered', duration: 'PT10M' }),
      makeStatement({ verb: 'abandoned', duration: 'PT15M30S' }),
      makeStatement({ verb: 'completed', duration: 'P1DT1H', ours: false }),
    ];
    expect(timeOnTaskSeconds(statements)).to.equal(5400 + 930);
    expect(trainingHours(120.25, statements)).to.deep.equal({ attendanceHours: 120.3, timeOnTaskHours: 1.8 });
  });

  it('role-play: calls, average per phase, progress first to last', () => {
    const call = (reg: string, at: string, scaled: number, phases: Record<string, number>) =>
      makeStatement({ item: 'appel', type: ACTIVITY_TYPES.roleplay, verb: 'completed', registration: reg, timestamp: at, scaled, phaseScores: phases });
    const perf = roleplayPerformance([
      call('r2', '2026-10-03T10:00:00.000Z', 0.8, { accueil: 1, conclusion: 0.6 }),
      call('r1', '2026-10-01T10:00:00.000Z', 0.4, { accueil: 0.5, conclusion: 0.3 }),
      makeStatement({ item: 'quiz', verb: 'passed', scaled: 1 }),
    ]);
    expect(perf.calls).to.equal(2);
    expect(perf.averageScaled).to.equal(0.6);
    expect(perf.phases).to.deep.equal([
      { phase: 'accueil', averageScaled: 0.75, calls: 2 },
      { phase: 'conclusion', averageScaled: 0.45, calls: 2 },
    ]);
    expect(perf.first?.registration).to.equal('r1');
    expect(perf.last?.registration).to.equal('r2');
    expect(perf.progress).to.equal(0.4);
    expect(roleplayPerformance([]).progress).to.equal(null);
  });

  it('an override needs a justification and keeps the computed level', () => {
    const levels = [{ code: 'T1', label: 'Oral', block: 'T', level: 'en_cours' as const, evidenceCount: 1, averageScaled: 0.8 }];
    const by = { by: 'trainer', at: '2026-11-01T00:00:00.000Z' };
    const kept = applyOverrides(levels, [{ code: 'T1', level: 'acquis', justification: 'court', ...by }]);
    expect(kept[0]).to.include({ level: 'en_cours', override: null });
    const changed = applyOverrides(levels, [{ code: 'T1', level: 'acquis', justification: 'Observé en situation réelle lors des appels.', ...by }]);
    expect(changed[0]).to.include({ level: 'acquis', computedLevel: 'en_cours' });
    expect(changed[0]?.override?.justification).to.match(/Observé/);
  });
});
