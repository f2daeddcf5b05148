import type { Statement, StatementListener } from '../../../lrs/index.ts';
import { progressKey, type ItemProgress } from './item-progress.ts';
import { applyStatement, emptyProgress, touchOf, type ProgressTouch } from './progress-reducer.ts';
import type { ProgressRepository } from './progress.repository.ts';

/**
 * The LRS subscriber that keeps learner_item_progress in step: each stored statement of ours is
 * applied to its row with the pure reducer. Returns the touches, for listeners that follow
 * (module completion).
 */
export function progressProjection(baseUrl: string, repo: ProgressRepository, after?: (touches: ProgressTouch[]) => Promise<void>): StatementListener {
  return async (stored: Statement[]) => {
    const touches: ProgressTouch[] = [];
    const rows = new Map<string, ItemProgress>();
    for (const statement of stored) {
      const touch = touchOf(baseUrl, statement);
      if (!touch) continue;
      const key = progressKey(touch);
      const current = rows.get(key) ?? (await repo.find(touch.userId, touch.moduleId, touch.itemId)) ?? emptyProgress(touch, statement.stored);
      rows.set(key, applyStatement(current, touch, statement));
      touches.push(touch);
    }
    for (const row of rows.values()) await repo.upsert(row);
    if (after && touches.length > 0) await after(touches);
  };
}
