import { spawn } from 'node:child_process';

/**
 * Runs espeak-ng on `text` (given on stdin, never on the command line) and returns the WAV it
 * writes to stdout. Rejects when espeak-ng is missing or fails.
 */
export function espeak(args: readonly string[], text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('espeak-ng', [...args, '--stdout', '--stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wav = Buffer.concat(out);
      if (code !== 0 || wav.length < 44) reject(new Error(`espeak-ng failed (${code}): ${Buffer.concat(err).toString().trim()}`));
      else resolve(wav);
    });
    child.stdin.end(text);
  });
}
