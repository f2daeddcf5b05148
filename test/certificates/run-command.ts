/** Runs a CLI command in-process against a test context and captures what it prints. */
import { certificatesCommands } from '../../src/server/certificates/certificates.commands.ts';
import type { AppContext } from '../../src/server/context.ts';

export async function runCommand(words: string, options: Record<string, string | boolean>, positionals: string[], ctx: AppContext): Promise<{ code: number; out: string; err: string }> {
  const command = certificatesCommands.find((c) => c.words.join(' ') === words);
  if (!command) throw new Error(`no command ${words}`);
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
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
    const code = await command.run(options, positionals, ctx);
    return { code, out, err };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}
