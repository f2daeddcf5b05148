/** Runs a CLI command in-process against a test context (or none, offline) and captures what it prints. */
import { commands } from '../../src/server/cli/commands.ts';
import type { AppContext } from '../../src/server/context.ts';

export async function runCommand(words: string, options: Record<string, string | boolean>, positionals: string[], ctx: AppContext | null): Promise<{ code: number; out: string; err: string }> {
  const command = commands.find((c) => c.words.join(' ') === words);
  if (!command) throw new Error(`no command ${words}`);
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  let out = '';
  let err = '';
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => {
    err += chunk;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await command.run(options, positionals, ctx), out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}
