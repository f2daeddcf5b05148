/**
 * What the certificate says, sentence by sentence, from its snapshot. Pure; the PDF only lays
 * these texts out. The certificate states what the person can do and what they practised: it
 * prints no competency that was not acquired or is not being acquired, no failure, no average
 * that could work against its holder, no negative trend, and no hours under one hour.
 */
import { APPRAISAL_LEVEL_LABELS_FR, CRITERION_LABELS_FR } from '../appraisal.ts';
import { printedCompetencyBlocks, printedNumber, type CertificateSnapshot } from '../snapshot.ts';
import { frenchNumber, LEVEL_LABELS_FR, longDate, signedHours } from './french-format.ts';

export interface CertificateWording {
  title: string;
  subtitle: string;
  introduction: string;
  competencyBlocks: Array<{ heading: string; rows: Array<{ code: string; label: string; level: string; acquired: boolean }> }>;
  practice: string[];
  modules: string | null;
  appraisal: Array<{ criterion: string; level: string; text: string }>;
  verification: { heading: string; explanation: string; codeLabel: string; code: string; url: string };
  signature: { placeAndDate: string; name: string; title: string; note: string };
  footer: string;
}

const plural = (n: number, one: string, many: string): string => `${frenchNumber(n)} ${n === 1 ? one : many}`;

/** A progress between the first and the last call is worth saying from 5 points up; a fall is not printed. */
const MIN_PROGRESS_POINTS = 5;

function introduction(s: CertificateSnapshot): string {
  const born = s.holder.birthDate ? `, né(e) le ${longDate(s.holder.birthDate)},` : '';
  const place = s.training.place ? `, dispensée à ${s.training.place},` : '';
  const attendance = signedHours(s.training.attendanceHours);
  const duration = attendance ? `, pour une durée de ${attendance} de présence en formation` : '';
  return (
    `${s.issuer.name} atteste que ${s.holder.fullName}${born} a suivi la formation « ${s.training.title} »${place} ` +
    `du ${longDate(s.training.periodStart)} au ${longDate(s.training.periodEnd)}${duration}.`
  );
}

function practiceLines(s: CertificateSnapshot): string[] {
  const lines: string[] = [];
  // Schema 1 snapshots have no practice counts: their calls come from the role-play summary.
  const p = s.practice ?? { calls: s.roleplay.calls, callScenarios: 0, backOfficeCases: 0, quizzes: 0 };
  if (p.calls > 0) {
    const scenarios = p.callScenarios > 1 ? `, sur ${frenchNumber(p.callScenarios)} situations différentes` : '';
    const points = s.roleplay.progress === null ? 0 : Math.round(s.roleplay.progress * 100);
    const progress = points >= MIN_PROGRESS_POINTS ? ` ; progression de ${points} points entre le premier et le dernier appel` : '';
    lines.push(`${plural(p.calls, 'appel client simulé traité', 'appels clients simulés traités')} de bout en bout${scenarios}${progress}`);
  }
  if (p.backOfficeCases > 0) lines.push(`${plural(p.backOfficeCases, 'dossier de back-office traité', 'dossiers de back-office traités')} (saisie, contrôle, suivi de dossier)`);
  if (p.quizzes > 0) lines.push(`${plural(p.quizzes, 'quiz de connaissances réalisé', 'quiz de connaissances réalisés')}`);
  const onTask = signedHours(s.training.timeOnTaskHours);
  if (onTask) lines.push(`${onTask} d'activités enregistrées sur la plateforme de formation (cours, exercices, appels simulés)`);
  return lines;
}

export function certificateWording(s: CertificateSnapshot): CertificateWording {
  return {
    title: 'Attestation de compétences',
    subtitle: `${s.training.title} — référentiel ${s.training.reference}`,
    introduction: introduction(s),
    competencyBlocks: printedCompetencyBlocks(s.competencyBlocks).map((block) => ({
      heading: `${block.code} — ${block.label}`,
      rows: block.competencies.map((c) => ({ code: c.code, label: c.label, level: LEVEL_LABELS_FR[c.level], acquired: c.level === 'acquis' })),
    })),
    practice: practiceLines(s),
    modules: s.modules.length === 0 ? null : `Modules de formation terminés : ${s.modules.map((m) => m.title).join(' ; ')}.`,
    appraisal: s.appraisal.map((a) => ({ criterion: CRITERION_LABELS_FR[a.criterion], level: APPRAISAL_LEVEL_LABELS_FR[a.level], text: a.text })),
    verification: {
      heading: 'Vérifier cette attestation',
      explanation:
        "Scannez le code ou ouvrez l'adresse ci-dessous ; vous pouvez aussi saisir le code de vérification sur la page de vérification. " +
        "La page indique si l'attestation est valide ou révoquée. Le fichier joint à ce PDF en est la version numérique signée (Open Badges 3.0).",
      codeLabel: 'Code de vérification',
      code: printedNumber(s),
      url: s.verifyUrl,
    },
    signature: {
      placeAndDate: `Fait à ${s.issuePlace}, le ${longDate(s.issueDate)}`,
      name: s.issuer.signatoryName,
      title: s.issuer.signatoryTitle,
      note: 'Attestation signée électroniquement',
    },
    footer: `Attestation de compétences n° ${printedNumber(s)}`,
  };
}
