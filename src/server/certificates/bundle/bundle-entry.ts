/**
 * A registry record as the bundle lists it: what was issued, taken from issuedFacts() (the same
 * function the intranet's verification page and `certificate verify` read), so the public site
 * shows what the PDF prints: the hours as printed (none under one hour), the competencies
 * printed (acquired or in progress). Nothing else: no name, no login, no revocation reason, no
 * appraisal. Pure.
 */
import crypto from 'node:crypto';
import { issuedFacts } from '../issued-facts.ts';
import type { CertificateRecord } from '../registry.repository.ts';
import type { BundleEntry } from './bundle-format.ts';

export const sha256Hex = (data: string | Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

export function bundleEntryOf(record: CertificateRecord): BundleEntry {
  const f = issuedFacts(record);
  // Every row has a status index since the binding migration, which gave old rows one too.
  if (f.statusIndex === null) throw new Error(`certificate ${record.id} has no status index`);
  return {
    id: f.certificateId,
    // A purged certificate issued before public codes keeps only its registry number to be typed.
    code: f.code ?? record.number,
    initials: f.initials,
    issuedAt: record.issuedAt,
    issueDate: f.issueDate,
    leavingDate: f.leavingDate,
    training: f.training,
    attendanceHours: f.attendanceHours,
    timeOnTaskHours: f.timeOnTaskHours,
    competencies: f.competencies,
    statusIndex: f.statusIndex,
    pdfSha256: f.pdfSha256,
    credentialSha256: f.credentialSha256,
  };
}
