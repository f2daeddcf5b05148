/** A full certificate snapshot built by the real buildSnapshot, with overridable organisation and texts. */
import { readFileSync } from 'node:fs';
import { APPRAISAL_CRITERIA } from '../../src/server/certificates/appraisal.ts';
import { DEFAULT_ORGANISATION, type Organisation } from '../../src/server/certificates/organisation.ts';
import { buildSnapshot, type CertificateSnapshot } from '../../src/server/certificates/snapshot.ts';
import { parseCompetencies } from '../../src/server/courses/format/parse-competencies.ts';
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

export function fixtureEvidence(modules = 6, appraisalWords = 12): { evidence: LearnerEvidence; appraisalText: string } {
  const levels = ['acquis', 'en_cours', 'non_acquis'] as const;
  const competencies = framework().blocks.flatMap((b) =>
    b.competencies.map((c, i) => ({ code: c.code, label: c.label, block: b.code, level: levels[i % 3] as (typeof levels)[number], computedLevel: levels[i % 3] as (typeof levels)[number], evidenceCount: 2, averageScaled: 0.75, override: null })),
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
      hours: { attendanceHours: 412.5, timeOnTaskHours: 133.2 },
      roleplay: { calls: 14, averageScaled: 0.72, phases: [], first: null, last: null, progress: 0.31 },
      statementCount: 300,
    },
    appraisalText: Array.from({ length: appraisalWords }, () => 'sérieux').join(' '),
  };
}

export function fixtureSnapshot(overrides: { organisation?: Partial<Organisation>; modules?: number; appraisalWords?: number; fullName?: string } = {}): CertificateSnapshot {
  const { evidence, appraisalText } = fixtureEvidence(overrides.modules, overrides.appraisalWords);
  return buildSnapshot({
    id: '0b7f0a8e-1111-4222-8333-444455556666',
    number: 'TRP-2026-000123-0',
    issuedAt: '2026-11-26T10:00:00.000Z',
    learner: { fullName: overrides.fullName ?? 'Jérôme Lœuvre-Dupont', birthDate: '1990-03-01' },
    period: { start: '2026-03-02', end: '2026-11-27' },
    evidence,
    framework: framework(),
    appraisal: APPRAISAL_CRITERIA.map((criterion) => ({ criterion, level: 'satisfaisant', text: `Œuvre avec ${appraisalText}.` })),
    organisation: { ...FIXTURE_ORGANISATION, ...overrides.organisation },
    verifyBaseUrl: 'https://verif.example.org',
    replaces: null,
  });
}
