import { importCourseLibrary } from '../courses/import/import-course-library.ts';
import { formatSourceError } from '../courses/format/source-error.ts';
import { importSummary } from '../learning/library/library-import.ts';
import type { CliCommand } from './command.ts';

export const coursesCommands: CliCommand[] = [
  {
    words: ['courses', 'import'],
    usage: 'courses import [--dir courses]',
    summary: 'import the course library as immutable versions (a new version only where the content changed)',
    async run(options, _p, ctx) {
      const dir = typeof options.dir === 'string' && options.dir !== '' ? options.dir : ctx!.config.coursesDir;
      const report = await importCourseLibrary(ctx!.database.db, dir, ctx!.clock);
      process.stdout.write(`${importSummary(report)}\n`);
      for (const error of report.errors) process.stderr.write(`${formatSourceError(error)}\n`);
      return report.errors.length > 0 ? 1 : 0;
    },
  },
];
