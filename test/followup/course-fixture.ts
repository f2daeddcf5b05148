import type { AppContext } from '../../src/server/context.ts';
import type { ModuleVersion } from '../../src/server/courses/format/types.ts';
import { CourseRepository } from '../../src/server/courses/import/course-repository.ts';
import type { ProgressStatus } from '../../src/server/learning/progress/item-progress.ts';

/**
 * A small module stored as the importer would (only the fields the follow-up pages read are
 * filled: the board needs titles, items and competencies).
 */
export function smallModule(id: string, title: string, items: Array<{ id: string; title: string; type: 'lesson' | 'quiz' | 'roleplay'; scenario?: unknown }>, competencies: string[]): ModuleVersion {
  return {
    formatVersion: 1,
    id,
    title,
    summary: `${title} (résumé)`,
    durationMinutes: 60,
    level: 'débutant',
    competencies: competencies.map((code) => ({ code, label: `Compétence ${code}`, block: code.replace(/\..*$/, '') })),
    items: items.map((i) => ({ ...i, file: `${i.id}.yaml`, competencies })),
    assets: [],
    contentHash: `hash-${id}`,
  } as unknown as ModuleVersion;
}

export async function storeModules(ctx: AppContext, cohortId: string, modules: ModuleVersion[]): Promise<void> {
  const repo = new CourseRepository(ctx.database.db);
  const now = ctx.clock().toISOString();
  let position = 1;
  for (const m of modules) {
    await repo.insertVersion(m, 1, now);
    await ctx.database.db.insertInto('cohort_modules').values({ cohort_id: cohortId, module_id: m.id, position: position++, prerequisite_module_id: null, assigned_at: now }).execute();
  }
}

/** A row of learner-player's progress projection, as its subscriber would write it. */
export async function storeProgress(
  ctx: AppContext,
  row: { userId: string; moduleId: string; itemId: string; status: ProgressStatus; score?: number | null; seconds?: number; at?: string },
): Promise<void> {
  await ctx.database.db
    .insertInto('learner_item_progress')
    .values({
      user_id: row.userId,
      module_id: row.moduleId,
      item_id: row.itemId,
      status: row.status,
      score_scaled: row.score ?? null,
      attempts: 1,
      duration_seconds: row.seconds ?? 0,
      last_registration: null,
      updated_at: row.at ?? ctx.clock().toISOString(),
    })
    .execute();
}
