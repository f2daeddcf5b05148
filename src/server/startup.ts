import type { AppContext } from './context.ts';
import { formatDemoBanner, seedDemo } from './accounts/demo-seed.ts';

/**
 * What a start does before listening: on an empty database outside production, create the demo
 * accounts and print them.
 */
export async function runStartupTasks(ctx: AppContext): Promise<void> {
  const empty = (await ctx.repositories.users.count()) === 0;
  if (empty && !ctx.config.production) {
    const accounts = await seedDemo(ctx);
    process.stdout.write(`${formatDemoBanner(accounts, ctx.config.baseUrl)}\n`);
  }
}
