import { createHash } from 'node:crypto';
import { AUDIO_FORMAT } from '../roleplay/voices/downsample-wav.ts';
import { speakableFrench } from '../roleplay/voices/speakable-french.ts';
import { readerArguments, type SpeechPace } from './speech-pace.ts';

/** What espeak-ng is given for a text: written conventions turned into words. */
export const speechOf = (text: string): string => speakableFrench(text);

/** The cache key of a text read aloud: a hash of the file format, the voice and pace, and the spoken words. */
export function speechKey(text: string, pace: SpeechPace): string {
  return createHash('sha256').update(`${AUDIO_FORMAT}\n${readerArguments(pace).join(' ')}\n${speechOf(text)}`).digest('hex');
}

export const SPEECH_FILE = /^([0-9a-f]{64})\.wav$/;
export const speechUrl = (key: string): string => `/speech/${key}.wav`;
