import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compactTelephoneWav } from '../roleplay/voices/downsample-wav.ts';
import { espeak } from './espeak.ts';
import { speechOf } from './speech-key.ts';
import { readerArguments } from './speech-pace.ts';
import { registeredSpeech } from './speech-texts.ts';

/**
 * Read-aloud files on disk, named by their cache key: the first request synthesizes with
 * espeak-ng, every later one reads the file. Parallel requests for the same text share one
 * synthesis; at most two run at once (two cores are shared by a whole workshop).
 */
export class SpeechCache {
  private readonly inFlight = new Map<string, Promise<Buffer | null>>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly dir: string, private readonly maxParallel = 2) {}

  /** The WAV of a registered text, or null when the key names no text the server showed. */
  audio(key: string): Promise<Buffer | null> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const work = this.readOrMake(key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async readOrMake(key: string): Promise<Buffer | null> {
    const file = path.join(this.dir, `${key}.wav`);
    const cached = await readFile(file).catch(() => null);
    if (cached) return cached;
    const source = registeredSpeech(key);
    if (!source) return null;
    const wav = await this.limited(async () => compactTelephoneWav(await espeak(readerArguments(source.pace), speechOf(source.text))));
    await mkdir(this.dir, { recursive: true });
    // Written aside then renamed: a reader never sees half a file.
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, wav);
    await rename(temporary, file);
    return wav;
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    while (this.running >= this.maxParallel) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
