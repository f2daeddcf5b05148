/** What the CLI prints about a bundle: refusals, and a verdict with what was issued. French, like the certificates. */
import { hoursText, trainingText } from '../issued-facts.ts';
import { LEVEL_LABELS_FR } from '../pdf/french-format.ts';
import type { CompetencyLevel } from '../../evidence/competency-levels.ts';
import type { BundleVerdict } from './bundle-check.ts';
import type { BundleEntry } from './bundle-format.ts';
import type { ImportRefusal } from './bundle-import.service.ts';
import type { PublishedBundle } from './published-bundle.ts';

export const REFUSAL_MESSAGES: Record<ImportRefusal, string> = {
  unreadable: "ce fichier n'est pas un lot de vérification Tremplin signé (JWS compact attendu).",
  unsigned: "le lot n'est pas signé : seul un lot signé par la clé de l'émetteur est accepté.",
  foreign_key: "le lot est signé par une clé qui n'est pas celle de l'émetteur déjà épinglée sur ce site.",
  bad_signature: 'la signature ne correspond pas au contenu : le lot a été modifié après sa signature.',
  bad_format: "le contenu signé n'a pas la forme d'un lot de vérification (version ou champs inattendus).",
  inconsistent: "le lot ne contient pas la clé qui l'a signé, ou sa liste de révocation n'est pas signée par elle.",
  pin_mismatch: "le lot n'est pas signé par la clé demandée avec --pin-kid.",
  rollback: "ce lot n'est pas plus récent que celui déjà chargé : pas de retour en arrière.",
};

export const VERDICT_LABELS: Record<BundleVerdict['status'], string> = {
  valid: 'valide',
  revoked: 'révoquée',
  not_issued_pdf: "ce PDF n'est pas celui qui a été délivré",
  unknown: 'inconnue (absente du lot de vérification)',
  invalid: 'invalide (signature incorrecte ou document modifié)',
  stale: 'liste périmée : valide selon le dernier lot, mais sa période de validité est dépassée',
};

const level = (l: string) => LEVEL_LABELS_FR[l as CompetencyLevel] ?? l;

export function bundleSummary(bundle: PublishedBundle, now: Date): string[] {
  const p = bundle.payload;
  return [
    `Lot de vérification n° ${p.sequence} du ${p.issuedAt.slice(0, 10)}, émetteur ${p.issuer.name}, clé ${bundle.kid}`,
    `Liste de révocation valable jusqu'au ${p.statusList.validUntil.replace('T', ' ').slice(0, 16)} UTC${bundle.isStale(now) ? ' — PÉRIMÉE' : ''}`,
  ];
}

/** What was issued, so that an employer can compare it with the paper. */
export function issuedLines(e: BundleEntry): string[] {
  const lines = [`Code : ${e.code}`, `Délivrée le : ${e.issueDate}`, `Titulaire (initiales) : ${e.initials}`];
  if (e.leavingDate) lines.push(`Sortie le : ${e.leavingDate}`);
  if (e.training) lines.push(`Formation : ${trainingText(e.training)}, du ${e.training.periodStart} au ${e.training.periodEnd}`);
  // The hours the PDF prints, and only those (none under one hour).
  const hours = [e.attendanceHours !== null ? `${hoursText(e.attendanceHours, 'fr')} de présence` : null, e.timeOnTaskHours !== null ? `${hoursText(e.timeOnTaskHours, 'fr')} d'activités` : null].filter((h) => h !== null);
  if (hours.length > 0) lines.push(`Heures : ${hours.join(', ')}`);
  if (e.competencies.length > 0) lines.push('Compétences :', ...e.competencies.map((c) => `  ${c.code} ${c.label} : ${level(c.level)}`));
  return lines;
}

export function verdictReport(bundle: PublishedBundle, verdict: BundleVerdict, now: Date): string {
  const lines = [...bundleSummary(bundle, now), `Statut : ${VERDICT_LABELS[verdict.status]}`];
  if (verdict.entry) {
    lines.push(...issuedLines(verdict.entry));
    if (verdict.pdfMatches === true) lines.push('PDF : identique à celui qui a été délivré (SHA-256)');
    if (verdict.pdfMatches === false) lines.push("PDF : différent de celui qui a été délivré : comparez avec ce qui a été délivré, ci-dessus");
    if (verdict.revoked && verdict.status !== 'revoked') lines.push("État : révoquée");
  }
  if (verdict.reason && verdict.status === 'invalid') lines.push(`Raison : ${verdict.reason}`);
  return `${lines.join('\n')}\n`;
}
