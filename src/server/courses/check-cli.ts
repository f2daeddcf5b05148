import path from 'node:path';
import { loadCourseLibrary } from './load-library.ts';
import { formatSourceError } from './format/source-error.ts';
import { describeLibrary } from './describe-library.ts';
import { checkSamples, describeSampleReport } from './check-samples.ts';
import { describeBias, libraryBias } from './library-bias.ts';
import { yamlLineFinder } from './yaml-line-finder.ts';

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
  const modules = library.modules.map((m) => m.module);
  const samples = checkSamples(modules, yamlLineFinder(library.root));
  for (const error of samples.errors) console.error(formatSourceError({ ...error, file: prefix ? `${prefix}/${error.file}` : error.file }));
  if (samples.errors.length > 0) {
    console.error(`\n${describeSampleReport(samples)}`);
    console.error(`${samples.errors.length} erreur(s) dans les réponses types : corrigez la grille (rubric) ou l’étiquette, puis relancez npm run courses:check.`);
    return 1;
  }
  console.log([...describeLibrary(modules), describeSampleReport(samples)].join('\n'));
  // Bias is a property of the whole library: checking one module folder prints no figures.
  if (modules.length > 1) {
    const bias = describeBias(libraryBias(modules));
    console.log(bias.lines.join('\n'));
    for (const warning of bias.warnings) console.log(warning);
    if (bias.errors.length > 0) {
      for (const error of bias.errors) console.error(`erreur : ${error}`);
      console.error(`\n${bias.errors.length} erreur(s) de biais : corrigez-les puis relancez npm run courses:check.`);
      return 1;
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
