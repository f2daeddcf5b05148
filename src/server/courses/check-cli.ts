import path from 'node:path';
import { loadCourseLibrary } from './load-library.ts';
import { formatSourceError } from './format/source-error.ts';
import { describeLibrary } from './describe-library.ts';

/**
 * npm run courses:check [-- <path>]: validates courses/ (or one module folder) and prints
 * "file:line: message" per error, paths relative to the current directory so editors can jump.
 */
async function main(): Promise<number> {
  const target = process.argv[2] ?? 'courses';
  const library = await loadCourseLibrary(target);
  const prefix = path.relative(process.cwd(), library.root);
  if (library.errors.length > 0) {
    for (const error of library.errors) {
      console.error(formatSourceError({ ...error, file: prefix ? `${prefix}/${error.file}` : error.file }));
    }
    console.error(`\n${library.errors.length} erreur(s) : corrigez-les puis relancez npm run courses:check.`);
    return 1;
  }
  console.log(describeLibrary(library.modules.map((m) => m.module)).join('\n'));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
