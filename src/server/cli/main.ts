import { ConfigError } from '../config.ts';
import { boot } from '../boot.ts';
import { commands } from './commands.ts';
import { UsageError, type CliCommand } from './command.ts';

function help(): string {
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return ['Usage: npm run tremplin -- <command> [options]', '', 'Commands:', ...lines, '', 'Every command honours DATABASE_URL and BASE_URL.', ''].join('\n');
}

function find(args: string[]): CliCommand | undefined {
  return commands
    .filter((c) => c.words.every((w, i) => args[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
}

/** `--name value`, `--name=value` and bare `--flag`; everything else is positional. */
export function parseOptions(args: string[]): { values: Record<string, string | boolean>; positionals: string[] } {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) values[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) values[arg.slice(2)] = args[++i];
    else values[arg.slice(2)] = true;
  }
  return { values, positionals };
}

async function main(argv: string[]): Promise<number> {
  const command = find(argv);
  if (!command) {
    const unknown = argv.length > 0 && !['help', '--help', '-h'].includes(argv[0]);
    (unknown ? process.stderr : process.stdout).write(`${unknown ? `Unknown command: ${argv.join(' ')}\n\n` : ''}${help()}`);
    return unknown ? 2 : 0;
  }
  const { values, positionals } = parseOptions(argv.slice(command.words.length));
  if (command.offline) return command.run(values, positionals, null);
  const { ctx, database } = await boot();
  try {
    return await command.run(values, positionals, ctx);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`Error: ${err.message}\n\n${help()}`);
    else if (err instanceof ConfigError) process.stderr.write(`Configuration error: ${err.message}\n`);
    else process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof UsageError ? 2 : 1);
  });
