import { LRS_SCOPES } from '../../lrs/index.ts';
import { requireOption, UsageError, type CliCommand } from './command.ts';

export const lrsCommands: CliCommand[] = [
  {
    words: ['lrs-key', 'add'],
    usage: 'lrs-key add --name N --scopes all|statements/write,statements/read,...',
    summary: 'create LRS Basic-auth credentials; prints one JSON line {"key","secret"}',
    async run(options, _p, ctx) {
      const name = requireOption(options, 'name');
      const scopes = requireOption(options, 'scopes').split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = scopes.filter((s) => !(LRS_SCOPES as readonly string[]).includes(s));
      if (scopes.length === 0 || unknown.length > 0) throw new UsageError(`unknown scope(s): ${unknown.join(', ') || '(none given)'}; allowed: ${LRS_SCOPES.join(', ')}`);
      const created = await ctx!.lrs.credentials.create({ name, scopes });
      await ctx!.repositories.audit.record({ at: ctx!.clock().toISOString(), action: 'lrs_key_created', actorId: null, subject: created.key, ip: 'cli', details: scopes.join(',') });
      process.stdout.write(`${JSON.stringify({ key: created.key, secret: created.secret })}\n`);
      return 0;
    },
  },
];
