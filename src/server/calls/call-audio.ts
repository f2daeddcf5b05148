import type { CourseVersion } from '../courses/import/course-version.ts';
import type { Voice } from '../roleplay/scenario/types.ts';
import { resolveLineAudio } from '../roleplay/voices/line-audio.ts';

/** URL of a customer line's sound for a call, or null when the line has none (text only). */
export function lineAudioUrl(callId: string, version: CourseVersion, voice: Voice, line: { text: string; audio?: string }): string | null {
  const assets = new Map(version.content.assets.map((a) => [a.path, a]));
  const found = resolveLineAudio(line, voice, new Set(assets.keys()));
  const asset = found && assets.get(found.path);
  return asset ? callAudioUrl(callId, asset.sha256) : null;
}

export const callAudioUrl = (callId: string, sha256: string): string => `/learner/calls/${encodeURIComponent(callId)}/audio/${sha256}`;

/** The audio assets of a version by content hash: the only files a call may serve. */
export function audioAssetOf(version: CourseVersion, sha256: string): { mediaType: string } | null {
  const asset = version.content.assets.find((a) => a.sha256 === sha256 && a.mediaType.startsWith('audio/'));
  return asset ? { mediaType: asset.mediaType } : null;
}
