import type { ModuleItem, ModuleVersion } from '../../courses/format/types.ts';
import type { ItemProgress, ProgressStatus } from './item-progress.ts';

export interface ItemStatus {
  item: ModuleItem;
  status: ProgressStatus;
  scoreScaled: number | null;
  attempts: number;
  /** Finished for good: completed or passed, or failed with no attempt left. */
  terminal: boolean;
}

export interface ModuleProgress {
  items: ItemStatus[];
  done: number;
  total: number;
  /** 0..100, whole number: items completed or passed over items. */
  percent: number;
  /** Every item is terminal: the module can be closed with a result. */
  finished: boolean;
  /** Every item completed or passed. */
  success: boolean;
  /** Mean of the items' best scaled scores (items with a score only). */
  scoreScaled: number | null;
  durationSeconds: number;
}

function maxAttemptsOf(item: ModuleItem): number | null {
  if (item.type === 'quiz') return item.quiz.retry.maxAttempts;
  if (item.type === 'exercise') return item.exercise.retry.maxAttempts;
  return null;
}

/** Pure: a module's progress from the learner's projection rows (what the dashboard shows). */
export function moduleProgress(module: ModuleVersion, rows: readonly ItemProgress[]): ModuleProgress {
  const byItem = new Map(rows.map((r) => [r.itemId, r]));
  const items: ItemStatus[] = module.items.map((item) => {
    const row = byItem.get(item.id);
    const status = row?.status ?? 'not_started';
    const attempts = row?.attempts ?? 0;
    const max = maxAttemptsOf(item);
    const terminal = status === 'completed' || status === 'passed' || (status === 'failed' && max !== null && attempts >= max);
    return { item, status, scoreScaled: row?.scoreScaled ?? null, attempts, terminal };
  });
  const done = items.filter((i) => i.status === 'completed' || i.status === 'passed').length;
  const scores = items.map((i) => i.scoreScaled).filter((s): s is number => s !== null);
  return {
    items,
    done,
    total: items.length,
    percent: items.length === 0 ? 0 : Math.round((done / items.length) * 100),
    finished: items.length > 0 && items.every((i) => i.terminal),
    success: items.length > 0 && done === items.length,
    scoreScaled: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10000) / 10000 : null,
    durationSeconds: rows.filter((r) => module.items.some((i) => i.id === r.itemId)).reduce((sum, r) => sum + r.durationSeconds, 0),
  };
}
