import { formatSourceError } from '../format/source-error.ts';
import type { ImportReport } from './import-course-library.ts';

/** French lines for the start-up log, the CLI and the admin page after an import. */
export function describeImport(report: ImportReport): string[] {
  const lines = report.created.map((c) =>
    c.previousVersion ? `Module ${c.moduleId} : nouvelle version ${c.version} (remplace la version ${c.previousVersion}).` : `Module ${c.moduleId} : importé (version ${c.version}).`,
  );
  if (report.unchanged.length > 0) lines.push(`${report.unchanged.length} module(s) inchangé(s).`);
  for (const k of report.kept) lines.push(`Module ${k.moduleId} : version ${k.version} publiée dans le navigateur, conservée (le dossier n'a pas changé depuis le dernier import).`);
  for (const c of report.conflicts) {
    lines.push(`Module ${c.moduleId} : CONFLIT, le dossier a changé alors que la version ${c.keptVersion} a été publiée dans le navigateur. La version ${c.keptVersion} est conservée ; à résoudre dans « Créer des cours ».`);
  }
  for (const id of report.missing) lines.push(`Module ${id} : absent du dossier, ses versions sont conservées.`);
  if (report.errors.length > 0) {
    lines.push(`${report.errors.length} erreur(s) : les modules concernés n'ont pas été importés.`);
    lines.push(...report.errors.map(formatSourceError));
  }
  return lines;
}
