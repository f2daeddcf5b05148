/**
 * A learner's spoken answer as the browser recorded it (MediaRecorder, Opus in WebM), and how
 * it travels with its turn's statement as an xAPI attachment (pure).
 */
import crypto from 'node:crypto';
import type { JsonObject } from '../../../lrs/types.ts';

/** The attachment's usageType (docs/xapi-profile.md): the learner's voice for that turn. */
export const VOICE_USAGE = 'http://id.tremplin.example/attachment/voice';
export const VOICE_CONTENT_TYPE = 'audio/webm';
/** About 4 minutes of Opus at the browser's default rate: a turn is far shorter. */
export const MAX_RECORDING_BYTES = 2 * 1024 * 1024;
/** Longest duration accepted from the browser (10 minutes): beyond it, the figure is not believed. */
const MAX_DURATION_MS = 10 * 60_000;

/** A recording as posted with a turn: the bytes and the length the browser measured. */
export interface PostedRecording {
  content: Buffer;
  durationMs: number;
}

/** Every WebM (Matroska) file starts with the EBML magic number. */
const EBML_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

/** The recording if it is one, else the translation key of the reason it is refused. */
export function checkRecording(content: Buffer, durationField: string | undefined): PostedRecording | { errorKey: string } {
  if (content.length < 16 || !content.subarray(0, 4).equals(EBML_MAGIC)) return { errorKey: 'calls.voice.errors.notRecording' };
  if (content.length > MAX_RECORDING_BYTES) return { errorKey: 'calls.voice.errors.tooLong' };
  const durationMs = /^\d{1,7}$/.test(durationField ?? '') ? Number(durationField) : NaN;
  if (!Number.isFinite(durationMs) || durationMs <= 0 || durationMs > MAX_DURATION_MS) return { errorKey: 'calls.voice.errors.notRecording' };
  return { content, durationMs };
}

export const sha256Hex = (content: Buffer): string => crypto.createHash('sha256').update(content).digest('hex');

/** The attachment metadata a turn statement carries for its recording. */
export function voiceAttachment(recording: PostedRecording): JsonObject {
  return {
    usageType: VOICE_USAGE,
    display: { 'fr-FR': 'Réponse dite à voix haute', 'en-US': 'Answer said aloud' },
    contentType: VOICE_CONTENT_TYPE,
    length: recording.content.length,
    sha2: sha256Hex(recording.content),
  };
}
