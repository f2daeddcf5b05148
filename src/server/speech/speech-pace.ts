/**
 * How fast the read-aloud voice speaks, as the learner chooses it. espeak-ng's default is 175
 * words a minute, fast for a slow reader following the text with their eyes.
 */
export const SPEECH_PACES = ['normal', 'slow'] as const;
export type SpeechPace = (typeof SPEECH_PACES)[number];

export function isSpeechPace(value: unknown): value is SpeechPace {
  return typeof value === 'string' && (SPEECH_PACES as readonly string[]).includes(value);
}

const WORDS_PER_MINUTE: Record<SpeechPace, number> = { normal: 150, slow: 115 };

/** The reader's voice: French, espeak-ng's own voice (no extra voice package needed). */
export const READER_VOICE = 'fr';

/** espeak-ng arguments for a pace; part of the cache key, so changing them makes new files. */
export function readerArguments(pace: SpeechPace): string[] {
  return ['-v', READER_VOICE, '-s', String(WORDS_PER_MINUTE[pace])];
}
