import type { AppContext } from '../../context.ts';
import { importCourseLibrary } from '../../courses/import/import-course-library.ts';
import { importSummary } from './library-import.ts';

/**
 * Imports courses/ at every start: quick when nothing changed (hashes compared, nothing
 * written). Errors in one module never stop the start; they are listed by courses:check.
 */
export async function importCoursesAtStartup(ctx: AppContext): Promise<string> {
  const report = await importCourseLibrary(ctx.database.db, ctx.config.coursesDir, ctx.clock);
  for (const error of report.errors) ctx.logger.warn(`courses: ${error.file}${error.line ? `:${error.line}` : ''} ${error.message}`);
  return importSummary(report);
}
