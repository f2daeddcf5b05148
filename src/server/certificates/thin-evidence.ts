/**
 * When the evidence behind a certificate is thin. Pure. The trainer sees these warnings on the
 * review page before issuing, and issuing from that page needs them acknowledged (a checkbox):
 * a certificate with two competencies and one call may be right, but it must be a decision.
 * Thresholds are documented for trainers in docs/certificates.md ("Thin evidence"); keep both
 * in step.
 */
import type { LearnerEvidence } from '../evidence/learner-evidence.ts';

export const THIN_EVIDENCE = {
  /** A third of the framework's 12 competencies acquired or in progress: fewer says little about the job. */
  minStatedCompetencies: 4,
  /** Simulated calls taken to their end: one or two can be luck, three show a way of working. */
  minCalls: 3,
  /** Hours of attendance (the duration the certificate prints): under a full week of training. */
  minAttendanceHours: 35,
} as const;

export type ThinEvidenceCode = 'competencies' | 'calls' | 'hours';

export interface ThinEvidenceWarning {
  code: ThinEvidenceCode;
  /** What the learner has. */
  actual: number;
  /** The threshold it falls short of. */
  threshold: number;
}

export function thinEvidenceWarnings(evidence: LearnerEvidence): ThinEvidenceWarning[] {
  const stated = evidence.competencies.filter((c) => c.level !== 'non_acquis').length;
  const checks: ThinEvidenceWarning[] = [
    { code: 'competencies', actual: stated, threshold: THIN_EVIDENCE.minStatedCompetencies },
    { code: 'calls', actual: evidence.practice.calls, threshold: THIN_EVIDENCE.minCalls },
    { code: 'hours', actual: evidence.hours.attendanceHours, threshold: THIN_EVIDENCE.minAttendanceHours },
  ];
  return checks.filter((c) => c.actual < c.threshold);
}
