/**
 * The leaving package (issue 7, 6): certificate PDF, credential, the learner's own statements
 * and a readable summary, in one zip. The summary is plain HTML with no outside resources.
 */
import type { Statement } from '../../lrs/index.ts';
import { APPRAISAL_LEVEL_LABELS_FR, CRITERION_LABELS_FR } from './appraisal.ts';
import { envelopedCredential } from './credential/open-badge.ts';
import { hours, LEVEL_LABELS_FR, longDate, percent } from './pdf/french-format.ts';
import { printedNumber, type CertificateSnapshot } from './snapshot.ts';
import type { ZipEntry } from './zip.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A recording's file name in the package: when it was said, and at which turn of the call. */
export const recordingFileName = (r: { recordedAt: string; turn: number }, index: number): string =>
  `mes-enregistrements/${String(index + 1).padStart(3, '0')}-${r.recordedAt.slice(0, 10)}-tour-${r.turn + 1}.webm`;

export function summaryHtml(s: CertificateSnapshot, statementCount: number, recordingCount = 0): string {
  const competencies = s.competencyBlocks
    .map(
      (b) =>
        `<h3>${escape(b.code)} — ${escape(b.label)}</h3><ul>${b.competencies
          .map((c) => `<li>${escape(c.code)} ${escape(c.label)} : <strong>${escape(LEVEL_LABELS_FR[c.level])}</strong></li>`)
          .join('')}</ul>`,
    )
    .join('');
  const modules = s.modules.map((m) => `<li>${escape(m.title)} — terminé le ${escape(longDate(m.completedAt))} (${escape(percent(m.averageScaled))})</li>`).join('');
  const appraisal = s.appraisal
    .map((a) => `<li>${escape(CRITERION_LABELS_FR[a.criterion])} : ${escape(APPRAISAL_LEVEL_LABELS_FR[a.level])}. ${escape(a.text)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Mon parcours — ${escape(s.holder.fullName)}</title></head>
<body>
<h1>Mon parcours de formation</h1>
<p>${escape(s.holder.fullName)} — formation « ${escape(s.training.title)} » du ${escape(longDate(s.training.periodStart))} au ${escape(longDate(s.training.periodEnd))}.</p>
<p>Heures de présence : ${escape(hours(s.training.attendanceHours))}. Temps d'activité enregistré : ${escape(hours(s.training.timeOnTaskHours))}.</p>
<h2>Mon attestation</h2>
<p>Attestation n° ${escape(printedNumber(s))}, délivrée le ${escape(longDate(s.issueDate))} par ${escape(s.issuer.name)}.
Un employeur peut la vérifier à l'adresse ${escape(s.verifyUrl)}.</p>
<h2>Mes compétences</h2>${competencies}
<h2>Mes modules terminés</h2><ul>${modules || '<li>Aucun</li>'}</ul>
<h2>Mes appels simulés</h2><p>${s.roleplay.calls} appel(s), résultat moyen ${escape(percent(s.roleplay.averageScaled))}.</p>
<h2>Appréciation de mon formateur</h2><ul>${appraisal}</ul>
<h2>Les fichiers de ce dossier</h2>
<ul>
<li><strong>attestation-${escape(printedNumber(s))}.pdf</strong> : mon attestation, à imprimer ou à envoyer.</li>
<li><strong>attestation-${escape(printedNumber(s))}.jwt</strong> et <strong>.json</strong> : la même attestation sous forme numérique signée (Open Badges 3.0).</li>
<li><strong>mes-traces.json</strong> : tout ce que la plateforme a enregistré de mon activité (${statementCount} traces xAPI).</li>
${recordingCount > 0 ? `<li><strong>mes-enregistrements</strong> : ma voix dans les appels simulés (${recordingCount} enregistrement(s), à écouter avec un lecteur audio).</li>
` : ''}</ul>
</body></html>
`;
}

export function leavingPackageEntries(input: {
  snapshot: CertificateSnapshot;
  pdf: Buffer;
  jwt: string;
  statements: readonly Statement[];
  recordings?: ReadonlyArray<{ recordedAt: string; turn: number; content: Buffer }>;
}): ZipEntry[] {
  const { snapshot: s } = input;
  const recordings = input.recordings ?? [];
  return [
    { name: `attestation-${printedNumber(s)}.pdf`, data: input.pdf },
    { name: `attestation-${printedNumber(s)}.jwt`, data: Buffer.from(`${input.jwt}\n`) },
    { name: `attestation-${printedNumber(s)}.json`, data: Buffer.from(`${JSON.stringify(envelopedCredential(input.jwt), null, 2)}\n`) },
    { name: 'mes-traces.json', data: Buffer.from(`${JSON.stringify(input.statements, null, 2)}\n`) },
    { name: 'mon-parcours.html', data: Buffer.from(summaryHtml(s, input.statements.length, recordings.length)) },
    ...recordings.map((r, i) => ({ name: recordingFileName(r, i), data: r.content })),
  ];
}
