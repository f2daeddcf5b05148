import type { AppContext } from '../context.ts';

export class UsageError extends Error {}

/** One CLI command: its words (e.g. ["user", "add"]), a usage line, and what it does. */
export interface CliCommand {
  words: string[];
  usage: string;
  summary: string;
  /** Commands that need no migrated database (e.g. offline verification) set this. */
  offline?: boolean;
  run(options: Record<string, string | boolean | undefined>, positionals: string[], ctx: AppContext | null): Promise<number>;
}

export function requireOption(options: Record<string, string | boolean | undefined>, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`missing --${name}`);
  return value;
}
