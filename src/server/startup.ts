import type { AppContext } from './context.ts';
import { formatDemoBanner, seedDemo } from './accounts/demo-seed.ts';
import { importCoursesAtStartup } from './learning/library/startup-import.ts';
import { authoringOf } from './authoring/http/authoring-area.ts';

/**
 * What a start does before listening: catch the projections up with the LRS, import courses/ (a new version only where the content
 * changed), then, on an empty database outside production, create the demo accounts and print them.
 */
export async function runStartupTasks(ctx: AppContext): Promise<void> {
  // Statements committed just before a crash reach the projection now.
  await ctx.learning.projection.catchUp();
  process.stdout.write(`${await importCoursesAtStartup(ctx)}\n`);
  // A folder that changed while the browser's version was kept becomes a draft to compare.
  const loaded = await authoringOf(ctx).loadConflictDrafts();
  if (loaded.length) process.stdout.write(`Courses: conflicting folder(s) loaded as drafts for the trainer: ${loaded.join(', ')}\n`);
  const empty = (await ctx.repositories.users.count()) === 0;
  if (empty && !ctx.config.production) {
    const accounts = await seedDemo(ctx);
    process.stdout.write(`${formatDemoBanner(accounts, ctx.config.baseUrl)}\n`);
  }
}
