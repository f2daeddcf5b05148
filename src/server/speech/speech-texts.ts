import type { SpeechPace } from './speech-pace.ts';
import { speechKey } from './speech-key.ts';

/**
 * The texts the server has put an "Écouter" control on, by cache key: only these can be
 * synthesized, so a logged-in user cannot make the server read arbitrary text. Kept in memory
 * (a page registers its texts when it is rendered; after a restart, reloading the page does it
 * again), bounded so that a long-running server does not grow without end.
 */
const MAX_TEXTS = 50_000;
const texts = new Map<string, { text: string; pace: SpeechPace }>();

export function registerSpeech(text: string, pace: SpeechPace): string {
  const key = speechKey(text, pace);
  if (!texts.has(key)) {
    if (texts.size >= MAX_TEXTS) texts.delete(texts.keys().next().value as string);
    texts.set(key, { text, pace });
  }
  return key;
}

export function registeredSpeech(key: string): { text: string; pace: SpeechPace } | undefined {
  return texts.get(key);
}
