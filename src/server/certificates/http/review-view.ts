/** Turns a release review into what the review page shows (no logic in templates). */
import { APPRAISAL_CRITERIA, APPRAISAL_LEVELS } from '../appraisal.ts';
import type { CertificateRecord } from '../registry.repository.ts';
import type { ReleaseReview } from '../release.service.ts';
import { thinEvidenceWarnings } from '../thin-evidence.ts';

const pct = (scaled: number | null): string => (scaled === null ? '—' : `${Math.round(scaled * 100)} %`);

export function reviewView(review: ReleaseReview, certificate: CertificateRecord | null) {
  const { evidence, release } = review;
  const blocks = new Map<string, typeof evidence.competencies>();
  for (const c of evidence.competencies) blocks.set(c.block, [...(blocks.get(c.block) ?? []), c]);
  return {
    learner: review.learner,
    leavingDate: release.leavingDate ?? '',
    period: review.period,
    statementCount: evidence.statementCount,
    hours: evidence.hours,
    modules: evidence.modules.map((m) => ({ ...m, average: pct(m.averageScaled) })),
    competencyBlocks: [...blocks.entries()].map(([code, rows]) => ({
      code,
      rows: rows.map((c) => ({
        ...c,
        average: pct(c.averageScaled),
        overridden: c.override !== null,
        justification: c.override?.justification ?? '',
        options: ['', 'acquis', 'en_cours', 'non_acquis'].map((value) => ({ value, selected: value === (c.override ? c.level : '') })),
      })),
    })),
    roleplay: {
      ...evidence.roleplay,
      average: pct(evidence.roleplay.averageScaled),
      firstScore: pct(evidence.roleplay.first?.scaled ?? null),
      lastScore: pct(evidence.roleplay.last?.scaled ?? null),
      progressPoints: evidence.roleplay.progress === null ? null : Math.round(evidence.roleplay.progress * 100),
      phases: evidence.roleplay.phases.map((p) => ({ ...p, average: pct(p.averageScaled) })),
    },
    appraisal: APPRAISAL_CRITERIA.map((criterion) => {
      const entry = release.appraisal.find((a) => a.criterion === criterion);
      return {
        criterion,
        text: entry?.text ?? '',
        levels: APPRAISAL_LEVELS.map((level) => ({ level, selected: entry?.level === level })),
      };
    }),
    thinEvidence: thinEvidenceWarnings(evidence).map((w) => ({ key: `certificates.release.thin.${w.code}`, actual: w.actual, threshold: w.threshold })),
    practice: evidence.practice,
    certificate,
    closed: release.closedAt !== null,
  };
}
