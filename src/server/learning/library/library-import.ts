import type { ImportReport } from '../../courses/import/import-course-library.ts';

/** One line for the console: what the start-up import did. */
export function importSummary(report: ImportReport): string {
  const created = report.created.map((c) => `${c.moduleId} v${c.version}`);
  return [
    `Courses: ${report.created.length} new version(s)${created.length ? ` (${created.join(', ')})` : ''}`,
    `${report.unchanged.length} unchanged`,
    ...(report.missing.length ? [`${report.missing.length} no longer on disk (kept)`] : []),
    `${report.errors.length} error(s)${report.errors.length ? ': see npm run courses:check' : ''}`,
  ].join(', ');
}
