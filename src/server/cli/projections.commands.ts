import type { CliCommand } from './command.ts';

export const projectionsCommands: CliCommand[] = [
  {
    words: ['projections', 'rebuild'],
    usage: 'projections rebuild',
    summary: 'rebuild learner progress from the LRS alone (safe while the server runs); prints one JSON line {"statements","rows"}',
    async run(_options, _p, ctx) {
      const { statements, rows } = await ctx!.learning.projection.rebuild();
      // Digests are recomputed on their next read; dropping them makes that read start from the LRS too.
      await ctx!.followup.digests.clear();
      process.stdout.write(`${JSON.stringify({ statements, rows })}\n`);
      return 0;
    },
  },
];
