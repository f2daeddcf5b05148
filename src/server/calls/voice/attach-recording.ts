import crypto from 'node:crypto';
import type { JsonObject } from '../../../lrs/types.ts';
import type { StoreOptions } from '../../../lrs/index.ts';
import { EXTENSIONS, VERBS } from '../../xapi/vocabulary.ts';
import { VOICE_CONTENT_TYPE, voiceAttachment, type PostedRecording } from './voice-recording.ts';
import type { VoiceRecording } from './voice.repository.ts';

/**
 * The step's statements with the recording attached to the learner's answer (the first
 * "answered" statement of the step), the attachment part, and the recording's row; null when
 * the step has no answer to carry it.
 */
export function attachRecording(
  statements: JsonObject[],
  recording: PostedRecording,
): { statements: JsonObject[]; part: NonNullable<StoreOptions['attachments']>[number]; row: Omit<VoiceRecording, 'userId' | 'registration' | 'recordedAt'> } | null {
  const index = statements.findIndex((s) => (s.verb as JsonObject | undefined)?.id === VERBS.answered.id);
  if (index < 0) return null;
  const attachment = voiceAttachment(recording);
  const answer: JsonObject = { ...statements[index], attachments: [attachment] };
  const turn = ((answer.context as JsonObject | undefined)?.extensions as JsonObject | undefined)?.[EXTENSIONS.turn];
  return {
    statements: statements.map((s, i) => (i === index ? answer : s)),
    part: { sha2: attachment.sha2 as string, contentType: VOICE_CONTENT_TYPE, content: recording.content },
    row: {
      id: crypto.randomUUID(),
      statementId: answer.id as string,
      turn: typeof turn === 'number' ? turn : 0,
      sha2: attachment.sha2 as string,
      contentType: VOICE_CONTENT_TYPE,
      bytes: recording.content.length,
      durationMs: recording.durationMs,
    },
  };
}
