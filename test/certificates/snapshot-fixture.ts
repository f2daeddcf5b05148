/** A full certificate snapshot built by the real buildSnapshot, with overridable organisation and texts. */
import { readFileSync } from 'node:fs';
import { APPRAISAL_CRITERIA } from '../../src/server/certificates/appraisal.ts';
import { DEFAULT_ORGANISATION, type Organisation } from '../../src/server/certificates/organisation.ts';
import { buildSnapshot, type CertificateSnapshot } from '../../src/server/certificates/snapshot.ts';
import { parseCompetencies } from '../../src/server/courses/format/parse-competencies.ts';
import type { CompetencyFramework } from '../../src/server/courses/format/types.ts';
import type { LearnerEvidence } from '../../src/server/evidence/learner-evidence.ts';

export function framework() {
  const parsed = parseCompetencies(readFileSync('courses/competences.yaml', 'utf8'));
  if (!parsed.ok) throw new Error('framework');
  return parsed.framework;
}

export const FIXTURE_ORGANISATION: Organisation = {
  ...DEFAULT_ORGANISATION,
  name: 'Association Cap Avenir Formation',
  addressLines: ['12 rue des Lilas', '69003 Lyon'],
  city: 'Lyon',
  signatoryName: 'Claire Martin',
  signatoryTitle: 'Directrice pédagogique',
  trainingPlace: 'Centre pénitentiaire de Lyon-Corbas',
};

type Level = 'acquis' | 'en_cours' | 'non_acquis';
const CYCLE: readonly Level[] = ['acquis', 'en_cours', 'non_acquis'];

/**
 * Evidence over the real framework. By default levels cycle acquis, en cours, non acquis (the
 * third competency of each block is not acquired, with evidence 0 for the last of the framework);
 * `levels` sets one level for all of them.
 */
export function fixtureEvidence(
  modules = 6,
  appraisalWords = 12,
  options: { levels?: Level; frameworkOverride?: CompetencyFramework; hours?: LearnerEvidence['hours']; practice?: LearnerEvidence['practice']; progress?: number | null } = {},
): { evidence: LearnerEvidence; appraisalText: string } {
  const competencies = (options.frameworkOverride ?? framework()).blocks.flatMap((b) =>
    b.competencies.map((c, i) => {
      const level = options.levels ?? (CYCLE[i % 3] as Level);
      return { code: c.code, label: c.label, block: b.code, level, computedLevel: level, evidenceCount: level === 'non_acquis' ? 0 : 2, averageScaled: level === 'non_acquis' ? null : 0.75, override: null };
    }),
  );
  return {
    evidence: {
      modules: Array.from({ length: modules }, (_v, i) => ({
        moduleId: `m${i}`,
        title: `Module ${i + 1} : accueil des appels entrants, « prise en charge » et suivi — 15 €`,
        itemsTotal: 3,
        itemsDone: 3,
        completed: true,
        completedAt: `2026-06-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`,
        averageScaled: 0.83,
      })),
      competencies,
      hours: options.hours ?? { attendanceHours: 412.5, timeOnTaskHours: 133.2 },
      roleplay: { calls: 14, averageScaled: 0.72, phases: [], first: null, last: null, progress: options.progress === undefined ? 0.31 : options.progress },
      practice: options.practice ?? { calls: 14, callScenarios: 9, backOfficeCases: 6, quizzes: 8 },
      statementCount: 300,
    },
    appraisalText: Array.from({ length: appraisalWords }, () => 'sérieux').join(' '),
  };
}

export interface FixtureOverrides {
  organisation?: Partial<Organisation>;
  modules?: number;
  appraisalWords?: number;
  fullName?: string;
  levels?: Level;
  framework?: CompetencyFramework;
  hours?: LearnerEvidence['hours'];
  practice?: LearnerEvidence['practice'];
  progress?: number | null;
}

export function fixtureSnapshot(overrides: FixtureOverrides = {}): CertificateSnapshot {
  const { evidence, appraisalText } = fixtureEvidence(overrides.modules, overrides.appraisalWords, {
    ...(overrides.levels ? { levels: overrides.levels } : {}),
    ...(overrides.framework ? { frameworkOverride: overrides.framework } : {}),
    ...(overrides.hours ? { hours: overrides.hours } : {}),
    ...(overrides.practice ? { practice: overrides.practice } : {}),
    ...(overrides.progress !== undefined ? { progress: overrides.progress } : {}),
  });
  return buildSnapshot({
    id: '0b7f0a8e-1111-4222-8333-444455556666',
    number: 'TRP-2026-000123-0',
    verificationCode: 'TRP-7KQ2-M9XD',
    issuedAt: '2026-11-26T10:00:00.000Z',
    learner: { fullName: overrides.fullName ?? 'Jérôme Lœuvre-Dupont', birthDate: '1990-03-01' },
    period: { start: '2026-03-02', end: '2026-11-27' },
    evidence,
    framework: overrides.framework ?? framework(),
    appraisal: APPRAISAL_CRITERIA.map((criterion) => ({ criterion, level: 'satisfaisant', text: `Œuvre avec ${appraisalText}.` })),
    organisation: { ...FIXTURE_ORGANISATION, ...overrides.organisation },
    verifyBaseUrl: 'https://verif.example.org',
    replaces: null,
  });
}
