import { formatSourceError } from '../format/source-error.ts';
import type { ImportReport } from './import-course-library.ts';

/** French lines for the start-up log, the CLI and the admin page after an import. */
export function describeImport(report: ImportReport): string[] {
  const lines = report.created.map((c) =>
    c.previousVersion ? `Module ${c.moduleId} : nouvelle version ${c.version} (remplace la version ${c.previousVersion}).` : `Module ${c.moduleId} : importé (version ${c.version}).`,
  );
  if (report.unchanged.length > 0) lines.push(`${report.unchanged.length} module(s) inchangé(s).`);
  for (const id of report.missing) lines.push(`Module ${id} : absent du dossier, ses versions sont conservées.`);
  if (report.errors.length > 0) {
    lines.push(`${report.errors.length} erreur(s) : les modules concernés n'ont pas été importés.`);
    lines.push(...report.errors.map(formatSourceError));
  }
  return lines;
}
