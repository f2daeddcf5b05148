/**
 * Modules completed, with results, from the learner's statements. Pure. A module is completed
 * when every item of it has a completing statement (completed or passed) from the learner.
 */
import type { Statement } from '../../lrs/index.ts';
import { activityIds } from '../xapi/activity-ids.ts';
import { VERBS } from '../xapi/vocabulary.ts';
import { isOurs, objectId, scaledScore, timestampOf, verbId } from './statement-fields.ts';

/** What the function needs to know of a module (from its course version). */
export interface ModuleOutline {
  id: string;
  title: string;
  items: Array<{ id: string }>;
}

export interface ModuleResult {
  moduleId: string;
  title: string;
  itemsTotal: number;
  itemsDone: number;
  completed: boolean;
  /** When the last missing item was done; null while not completed. */
  completedAt: string | null;
  /** Mean of the best score of each scored item, 0..1; null when no item is scored. */
  averageScaled: number | null;
}

const DONE_VERBS: ReadonlySet<string> = new Set([VERBS.completed.id, VERBS.passed.id]);

export function modulesCompleted(statements: readonly Statement[], modules: readonly ModuleOutline[], baseUrl: string): ModuleResult[] {
  const ids = activityIds(baseUrl);
  // item IRI -> first time done, best score
  const doneAt = new Map<string, string>();
  const best = new Map<string, number>();
  for (const s of statements) {
    if (!isOurs(s)) continue;
    const iri = objectId(s);
    const score = scaledScore(s);
    if (score !== null && (best.get(iri) ?? -Infinity) < score) best.set(iri, score);
    if (DONE_VERBS.has(verbId(s))) {
      const at = timestampOf(s);
      const previous = doneAt.get(iri);
      if (previous === undefined || at < previous) doneAt.set(iri, at);
    }
  }
  return modules.map((module) => {
    const iris = module.items.map((item) => ids.item(module.id, item.id));
    const done = iris.filter((iri) => doneAt.has(iri));
    const scores = iris.map((iri) => best.get(iri)).filter((s): s is number => s !== undefined);
    const completed = iris.length > 0 && done.length === iris.length;
    return {
      moduleId: module.id,
      title: module.title,
      itemsTotal: iris.length,
      itemsDone: done.length,
      completed,
      completedAt: completed ? done.map((iri) => doneAt.get(iri) as string).sort().at(-1) ?? null : null,
      averageScaled: scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1000) / 1000,
    };
  });
}
