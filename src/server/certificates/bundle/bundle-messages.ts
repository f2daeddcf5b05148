/**
 * What the CLI prints about a bundle: refusals, the import's outcome, and a verdict with what
 * was issued. French by default, English with --lang en, from the catalogue
 * (i18n/locales/<lang>/bundlecli.json).
 */
import type { Translate } from '../../i18n/catalogue.ts';
import { hoursText, trainingText } from '../issued-facts.ts';
import type { BundleVerdict } from './bundle-check.ts';
import type { BundleEntry } from './bundle-format.ts';
import type { ImportRefusal } from './bundle-import.service.ts';
import type { PublishedBundle } from './published-bundle.ts';

export type CliLocale = 'fr' | 'en';

/** "Code : X" in French, "Code: X" in English. */
const field = (t: Translate, key: string, value: string, label = t(key)) => t('bundlecli.field', { label, value });

const at = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

export function refusalMessage(reason: ImportRefusal, t: Translate): string {
  return t(`bundlecli.refusals.${reason}`);
}

/** `verify-bundle import` refused: the reason, the numbers of a rollback, and that nothing was stored. */
export function importRefusedText(outcome: { reason: ImportRefusal; sequence: number | null; loadedSequence: number | null }, t: Translate): string {
  const numbers = outcome.reason === 'rollback' ? ` ${t('bundlecli.import.rollbackNumbers', { sequence: outcome.sequence, loaded: outcome.loadedSequence })}` : '';
  return `${t('bundlecli.import.refused', { reason: refusalMessage(outcome.reason, t) })}${numbers}\n${t('bundlecli.import.nothingStored')}\n`;
}

export function bundleSummary(bundle: PublishedBundle, now: Date, t: Translate): string[] {
  const p = bundle.payload;
  return [
    t('bundlecli.summary.bundle', { sequence: p.sequence, date: p.issuedAt.slice(0, 10), issuer: p.issuer.name, kid: bundle.kid }),
    `${t('bundlecli.summary.validUntil', { until: at(p.statusList.validUntil) })}${bundle.isStale(now) ? ` — ${t('bundlecli.summary.stale')}` : ''}`,
  ];
}

/** What was issued, so that an employer can compare it with the paper. */
export function issuedLines(e: BundleEntry, t: Translate, locale: CliLocale): string[] {
  const lines = [field(t, 'bundlecli.issued.code', e.code), field(t, 'bundlecli.issued.issuedOn', e.issueDate), field(t, 'bundlecli.issued.holder', e.initials)];
  if (e.leavingDate) lines.push(field(t, 'bundlecli.issued.leavingDate', e.leavingDate));
  if (e.training) lines.push(field(t, 'bundlecli.issued.training', t('bundlecli.issued.trainingValue', { training: trainingText(e.training), start: e.training.periodStart, end: e.training.periodEnd })));
  // The hours the PDF prints, and only those (none under one hour).
  const hours = [
    e.attendanceHours !== null ? t('bundlecli.issued.attendance', { hours: hoursText(e.attendanceHours, locale) }) : null,
    e.timeOnTaskHours !== null ? t('bundlecli.issued.onTask', { hours: hoursText(e.timeOnTaskHours, locale) }) : null,
  ].filter((h) => h !== null);
  if (hours.length > 0) lines.push(field(t, 'bundlecli.issued.hours', hours.join(', ')));
  if (e.competencies.length > 0) lines.push(field(t, 'bundlecli.issued.competencies', '').trimEnd(), ...e.competencies.map((c) => `  ${field(t, '', t(`certificates.levels.${c.level}`), `${c.code} ${c.label}`)}`));
  return lines;
}

export function verdictReport(bundle: PublishedBundle, verdict: BundleVerdict, now: Date, t: Translate, locale: CliLocale): string {
  const lines = [...bundleSummary(bundle, now, t), field(t, 'bundlecli.verdict.status', t(`bundlecli.verdict.statuses.${verdict.status}`))];
  if (verdict.entry) {
    lines.push(...issuedLines(verdict.entry, t, locale));
    if (verdict.pdfMatches === true) lines.push(t('bundlecli.verdict.pdfMatch'));
    if (verdict.pdfMatches === false) lines.push(t('bundlecli.verdict.pdfMismatch'));
    if (verdict.revoked && verdict.status !== 'revoked') lines.push(t('bundlecli.verdict.alsoRevoked'));
  }
  if (verdict.reason && verdict.status === 'invalid') lines.push(field(t, 'bundlecli.verdict.reason', verdict.reason));
  return `${lines.join('\n')}\n`;
}
