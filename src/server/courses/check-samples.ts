import { classifySamples, MIN_SAMPLES_EACH, type SampleVerdict } from '../roleplay/rubric/classify-samples.ts';
import type { ModuleVersion } from './format/types.ts';
import type { SourceError } from './format/source-error.ts';

export interface SampleReport {
  /** Samples (and model answers) graded as their label says. */
  right: number;
  total: number;
  errors: SourceError[];
}

/** Where a verdict's text stands in the YAML, for the error's line. */
export function samplePath(v: Pick<SampleVerdict, 'node' | 'label' | 'index'>): Array<string | number> {
  return v.label === 'model' ? ['nodes', v.node, 'model'] : ['nodes', v.node, 'samples', v.label, v.index];
}

const EXPECTED: Record<SampleVerdict['label'], string> = {
  model: 'la réponse modèle doit réussir',
  good: 'cette bonne réponse type échoue',
  bad: 'cette mauvaise réponse type réussit',
};

function explain(v: SampleVerdict): string {
  const s = v.score;
  const why = [
    `${s.percent} %`,
    s.missing.length > 0 ? `manque : ${s.missing.join(', ')}` : '',
    s.forbidden.length > 0 ? `interdit : ${s.forbidden.join(', ')}` : '',
    s.avoided.length > 0 ? `à éviter : ${s.avoided.join(', ')}` : '',
    s.notASentence ? 'pas une phrase' : '',
  ].filter(Boolean);
  return `${EXPECTED[v.label]} (${why.join(' ; ')}) : « ${v.text} »`;
}

/**
 * Grades every sample answer of every typed turn of the library with its rubric: each
 * misclassified sample, each turn with fewer than MIN_SAMPLES_EACH good or bad samples, and a
 * model answer that fails are errors located by `lineOf` (file relative to the courses root).
 */
export function checkSamples(modules: readonly ModuleVersion[], lineOf: (file: string, path: Array<string | number>) => number | undefined): SampleReport {
  const report: SampleReport = { right: 0, total: 0, errors: [] };
  for (const module of modules) {
    for (const item of module.items) {
      if (item.type !== 'roleplay') continue;
      const file = `${module.id}/${item.file}`;
      for (const turn of classifySamples(item.scenario)) {
        if (turn.good < MIN_SAMPLES_EACH || turn.bad < MIN_SAMPLES_EACH) {
          report.errors.push({
            file, line: lineOf(file, ['nodes', turn.node]),
            message: `réponse libre « ${turn.node} » : il faut au moins ${MIN_SAMPLES_EACH} bonnes et ${MIN_SAMPLES_EACH} mauvaises réponses types (samples), il y en a ${turn.good} et ${turn.bad}.`,
          });
        }
        for (const v of turn.verdicts) {
          if (v.label !== 'model') report.total++;
          if (v.right) {
            if (v.label !== 'model') report.right++;
          } else {
            report.errors.push({ file, line: lineOf(file, samplePath(v)), message: `réponse libre « ${turn.node} » : ${explain(v)}` });
          }
        }
      }
    }
  }
  return report;
}

/** "Réponses types : 160/160 bien classées (100 %)". */
export function describeSampleReport(report: SampleReport): string {
  const percent = report.total === 0 ? 100 : Math.floor((report.right / report.total) * 1000) / 10;
  return `Réponses types : ${report.right}/${report.total} bien classées (${String(percent).replace('.', ',')} %)`;
}
