import type { ImportReport } from '../../courses/import/import-course-library.ts';

/** One line for the console: what the start-up import did. */
export function importSummary(report: ImportReport): string {
  const created = report.created.map((c) => `${c.moduleId} v${c.version}`);
  return [
    `Courses: ${report.created.length} new version(s)${created.length ? ` (${created.join(', ')})` : ''}`,
    `${report.unchanged.length} unchanged`,
    ...(report.kept.length ? [`${report.kept.length} kept as published in the browser`] : []),
    ...(report.conflicts.length ? [`${report.conflicts.length} CONFLICT(S) with a browser version (kept; see /trainer/authoring): ${report.conflicts.map((c) => c.moduleId).join(', ')}`] : []),
    ...(report.missing.length ? [`${report.missing.length} no longer on disk (kept)`] : []),
    `${report.errors.length} error(s)${report.errors.length ? ': see npm run courses:check' : ''}`,
  ].join(', ');
}
