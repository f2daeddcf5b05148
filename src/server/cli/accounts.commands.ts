import { z } from 'zod';
import { isRole, ROLES } from '../accounts/roles.ts';
import { loginKey } from '../accounts/accounts.service.ts';
import { formatDemoBanner, seedDemo } from '../accounts/demo-seed.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { requireOption, UsageError, type CliCommand } from './command.ts';

const cliOrigin = { ip: 'cli', actorId: null };

export const accountsCommands: CliCommand[] = [
  {
    words: ['migrate'],
    usage: 'migrate',
    summary: 'bring the database schema up to date',
    async run(_o, _p, ctx) {
      const applied = await migrateToLatest(ctx!.database);
      process.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'Database is up to date.\n');
      return 0;
    },
  },
  {
    words: ['seed-demo'],
    usage: 'seed-demo',
    summary: 'create the demo accounts and cohort that are missing (idempotent)',
    async run(_o, _p, ctx) {
      const accounts = await seedDemo(ctx!);
      process.stdout.write(`${formatDemoBanner(accounts, ctx!.config.baseUrl)}\n`);
      return 0;
    },
  },
  {
    words: ['user', 'add'],
    usage: `user add --role ${ROLES.join('|')} --login L --name "Full Name"`,
    summary: 'create an account and print its one-time password once',
    async run(options, _p, ctx) {
      const role = requireOption(options, 'role');
      if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const login = requireOption(options, 'login');
      if (!/^[\p{L}\p{N}._-]{2,40}$/u.test(login)) throw new UsageError('--login: 2 to 40 letters, digits, dots, dashes or underscores');
      const name = z.string().trim().min(1).max(120).safeParse(requireOption(options, 'name'));
      if (!name.success) throw new UsageError('--name must be 1 to 120 characters');
      if (await ctx!.repositories.users.loginKeyExists(loginKey(login))) {
        process.stderr.write(`Error: the login "${login}" is already taken.\n`);
        return 1;
      }
      const { user, oneTimePassword } = await ctx!.services.accounts.createUser({ role, login, displayName: name.data }, cliOrigin);
      process.stdout.write(`Created ${user.role} "${user.login}" (${user.displayName}).\nOne-time password: ${oneTimePassword}\n`);
      return 0;
    },
  },
  {
    words: ['user', 'reset-password'],
    usage: 'user reset-password --login L',
    summary: 'give an account a new one-time password and print it once',
    async run(options, _p, ctx) {
      const login = requireOption(options, 'login');
      const found = await ctx!.repositories.users.findCredentials(loginKey(login));
      if (!found) {
        process.stderr.write(`Error: no account with the login "${login}".\n`);
        return 1;
      }
      const { oneTimePassword } = await ctx!.services.accounts.resetPassword(found.user.id, cliOrigin);
      process.stdout.write(`New one-time password for "${found.user.login}": ${oneTimePassword}\n`);
      return 0;
    },
  },
];
