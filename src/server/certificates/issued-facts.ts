/**
 * What was issued, as an employer may see it to compare with a PDF in hand: the public code, the
 * issue and leaving dates, the hours, each competency's level, the holder's initials, and the
 * SHA-256 of the issued PDF and credential. Nothing else of the learner. Pure. The one place
 * that says what was issued: the intranet's verification page and `certificate verify` show it,
 * and the verification bundle carries it (bundle/bundle-entry.ts) for the public site and
 * `certificate verify --bundle`, so every one of them says what the PDF prints.
 */
import type { CompetencyLevel } from '../evidence/competency-levels.ts';
import { signableHours } from './pdf/french-format.ts';
import type { CertificateRecord } from './registry.repository.ts';
import { printedCompetencyBlocks, printedNumber } from './snapshot.ts';

export interface IssuedFacts {
  certificateId: string;
  code: string | null;
  initials: string;
  /** YYYY-MM-DD (Paris). */
  issueDate: string;
  /** YYYY-MM-DD; null once purged. */
  leavingDate: string | null;
  issuerName: string | null;
  /** Null once purged. */
  training: { title: string; reference: string; periodStart: string; periodEnd: string } | null;
  /** Hours as the PDF prints them (rounded down to the half hour; null under one hour, not printed). */
  attendanceHours: number | null;
  timeOnTaskHours: number | null;
  competencies: Array<{ block: string; code: string; label: string; level: CompetencyLevel }>;
  statusIndex: number | null;
  pdfSha256: string | null;
  credentialSha256: string | null;
}

export function issuedFacts(record: CertificateRecord): IssuedFacts {
  const s = record.snapshot;
  return {
    certificateId: record.id,
    code: record.verificationCode ?? (s ? printedNumber(s) : null),
    initials: record.holderInitials,
    issueDate: s?.issueDate ?? record.issuedAt.slice(0, 10),
    leavingDate: s?.training.periodEnd ?? null,
    issuerName: s?.issuer.name ?? null,
    training: s ? { title: s.training.title, reference: s.training.reference, periodStart: s.training.periodStart, periodEnd: s.training.periodEnd } : null,
    attendanceHours: s ? signableHours(s.training.attendanceHours) : null,
    timeOnTaskHours: s ? signableHours(s.training.timeOnTaskHours) : null,
    // The levels the PDF prints (acquired or in progress), so that both can be compared line by line.
    competencies: (s ? printedCompetencyBlocks(s.competencyBlocks) : []).flatMap((b) => b.competencies.map((c) => ({ block: b.code, code: c.code, label: c.label, level: c.level }))),
    statusIndex: record.statusIndex,
    pdfSha256: record.pdfSha256,
    credentialSha256: record.credentialSha256,
  };
}

/** "Conseiller relation client à distance (RNCP 35304)". */
export function trainingText(training: NonNullable<IssuedFacts['training']>): string {
  return `${training.title} (${training.reference})`;
}

/** "10 h", "2,5 h" (French) or "2.5 h" (English). */
export function hoursText(value: number, locale: string): string {
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 }).format(value)} h`;
}
