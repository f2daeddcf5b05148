/**
 * A registry record as the bundle lists it: the fields an employer may see and the hashes that
 * bind the PDF and the credential, nothing else (no name, no login, no revocation reason, no
 * appraisal). Pure.
 */
import crypto from 'node:crypto';
import type { CertificateRecord } from '../registry.repository.ts';
import { printedCompetencyBlocks, type CertificateSnapshot } from '../snapshot.ts';
import type { BundleCompetency, BundleEntry } from './bundle-format.ts';

export const sha256Hex = (data: string | Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

/** What the registry knows that the record's snapshot does not say. */
export interface EntryFacts {
  code: string;
  statusIndex: number;
  pdfSha256: string | null;
  credentialSha256: string | null;
}

/** The levels the certificate prints, exactly: the bundle lets an employer compare with the paper. */
export function shownCompetencies(snapshot: CertificateSnapshot): BundleCompetency[] {
  return printedCompetencyBlocks(snapshot.competencyBlocks).flatMap((block) =>
    block.competencies.map((c) => ({ block: block.code, code: c.code, label: c.label, level: c.level })),
  );
}

export function bundleEntryOf(record: CertificateRecord, facts: EntryFacts): BundleEntry {
  const s = record.snapshot;
  return {
    id: record.id,
    code: facts.code,
    initials: record.holderInitials,
    issuedAt: record.issuedAt,
    issueDate: s?.issueDate ?? record.issuedAt.slice(0, 10),
    leavingDate: s?.training.periodEnd ?? null,
    training: s
      ? {
          title: s.training.title,
          reference: s.training.reference,
          periodStart: s.training.periodStart,
          periodEnd: s.training.periodEnd,
          attendanceHours: s.training.attendanceHours,
          timeOnTaskHours: s.training.timeOnTaskHours,
        }
      : null,
    competencies: s ? shownCompetencies(s) : [],
    statusIndex: facts.statusIndex,
    pdfSha256: facts.pdfSha256,
    credentialSha256: facts.credentialSha256,
  };
}
