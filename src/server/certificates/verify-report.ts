/**
 * The text `certificate verify` prints: the verdict, then what was issued (levels, hours, dates,
 * the issued PDF's SHA-256), so that whoever holds a PDF can compare it line by line. French by
 * default, English with --lang en. Pure. The revocation reason stays internal (issue 12).
 */
import type { Translate } from '../i18n/catalogue.ts';
import { hoursText, issuedFacts, trainingText } from './issued-facts.ts';
import type { VerificationResult } from './verification.ts';

export function verifyReport(result: VerificationResult, t: Translate, locale: string): string {
  const lines = [`${t('certificates.cli.status')} ${t(`certificates.cli.statuses.${result.status}`)}`];
  if (result.pdf) lines.push(t(`certificates.verify.pdf.${result.pdf}`));
  const payload = result.payload;
  const issuer = payload?.issuer as { name?: unknown } | undefined;
  if (result.record) {
    const f = issuedFacts(result.record);
    lines.push('', `${t('certificates.verify.issuedTitle')} :`);
    if (f.code) lines.push(`  ${t('certificates.cli.code')} ${f.code}`);
    lines.push(`  ${t('certificates.cli.issuedOn')} ${f.issueDate}`);
    if (f.leavingDate) lines.push(`  ${t('certificates.cli.leavingDate')} ${f.leavingDate}`);
    lines.push(`  ${t('certificates.cli.holder')} ${f.initials}`);
    if (f.issuerName) lines.push(`  ${t('certificates.cli.issuer')} ${f.issuerName}`);
    if (f.training) lines.push(`  ${t('certificates.cli.training')} ${trainingText(f.training)}`);
    if (f.attendanceHours !== null) lines.push(`  ${t('certificates.verify.attendanceHours')} : ${hoursText(f.attendanceHours, locale)}`);
    if (f.timeOnTaskHours !== null) lines.push(`  ${t('certificates.verify.onTaskHours')} : ${hoursText(f.timeOnTaskHours, locale)}`);
    if (f.competencies.length > 0) {
      lines.push(`  ${t('certificates.verify.competencies')} :`);
      for (const c of f.competencies) lines.push(`    ${c.code} ${c.label} : ${t(`certificates.levels.${c.level}`)}`);
    }
    if (f.pdfSha256) lines.push(`  ${t('certificates.verify.pdfSha256')} : ${f.pdfSha256}`);
    if (result.record.revokedAt) lines.push(`  ${t('certificates.cli.revokedOn')} ${result.record.revokedAt.slice(0, 10)}`);
  } else if (payload && typeof payload.validFrom === 'string') {
    lines.push(`${t('certificates.cli.issuedOn')} ${payload.validFrom.slice(0, 10)}`);
  }
  if (!result.record && issuer && typeof issuer.name === 'string') lines.push(`${t('certificates.cli.issuer')} ${issuer.name}`);
  if (result.reason && !['revoked', 'replaced', 'pdf_mismatch'].includes(result.status)) lines.push(`${t('certificates.cli.reason')} ${result.reason}`);
  if (result.status === 'unchecked') lines.push(t('certificates.cli.uncheckedHint'));
  return `${lines.join('\n')}\n`;
}
