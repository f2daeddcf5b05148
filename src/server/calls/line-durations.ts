import type { CourseVersion, StoredAsset } from '../courses/import/course-version.ts';
import type { Scenario } from '../roleplay/scenario/types.ts';
import { customerLines, resolveLineAudio } from '../roleplay/voices/line-audio.ts';
import { wavDurationMs } from '../roleplay/voices/wav-duration.ts';

/** Stored files never change (they are named by their content hash): each is measured once. */
const measured = new Map<string, number>();

/**
 * How long each customer line of a call plays, by node id, from the audio files of the course
 * version: the engine starts a turn's time once these have played. Lines without audio, or
 * whose file is not a WAV, count 0.
 */
export async function lineDurations(version: CourseVersion, scenario: Scenario, asset: (sha256: string) => Promise<StoredAsset | undefined>): Promise<Record<string, number>> {
  const byPath = new Map(version.content.assets.map((a) => [a.path, a]));
  const available = new Set(byPath.keys());
  const durations: Record<string, number> = {};
  for (const line of customerLines(scenario)) {
    const found = resolveLineAudio(line, scenario.persona.voice, available);
    const ref = found && byPath.get(found.path);
    if (!ref) continue;
    let ms = measured.get(ref.sha256);
    if (ms === undefined) {
      const stored = await asset(ref.sha256);
      ms = (stored && wavDurationMs(stored.data)) || 0;
      measured.set(ref.sha256, ms);
    }
    if (ms > 0) durations[line.node] = ms;
  }
  return durations;
}
