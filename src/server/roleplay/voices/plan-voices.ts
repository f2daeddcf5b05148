import type { ScenarioFile } from '../library/load-scenario-files.ts';
import type { Voice } from '../scenario/types.ts';
import { customerLines, synthesizedAudioPath, TTS_FOLDER } from './line-audio.ts';
import { speakableFrench } from './speakable-french.ts';

export interface VoiceJob {
  module: string;
  /** Relative to the module folder. */
  path: string;
  voice: Voice;
  /** What espeak-ng says. */
  speech: string;
}

export interface VoicePlan {
  toGenerate: VoiceJob[];
  reused: number;
  /** Synthesized files no line uses any more. */
  stale: Array<{ module: string; path: string }>;
}

/**
 * What `npm run voices` has to do, given the scenarios and the files already in each module's
 * TTS folder: lines with a recorded file are skipped, identical lines are made once. Pure.
 */
export function planVoices(scenarios: readonly ScenarioFile[], existing: ReadonlyMap<string, ReadonlySet<string>>): VoicePlan {
  const wanted = new Map<string, Map<string, VoiceJob>>();
  for (const { module, scenario } of scenarios) {
    const jobs = wanted.get(module) ?? wanted.set(module, new Map()).get(module) as Map<string, VoiceJob>;
    for (const line of customerLines(scenario)) {
      if (line.audio) continue;
      const path = synthesizedAudioPath(scenario.persona.voice, line.text);
      jobs.set(path, { module, path, voice: scenario.persona.voice, speech: speakableFrench(line.text) });
    }
  }
  const plan: VoicePlan = { toGenerate: [], reused: 0, stale: [] };
  for (const [module, jobs] of wanted) {
    const present = existing.get(module) ?? new Set<string>();
    for (const job of jobs.values()) {
      if (present.has(job.path)) plan.reused++;
      else plan.toGenerate.push(job);
    }
  }
  for (const [module, paths] of existing) {
    for (const path of paths) {
      if (path.startsWith(`${TTS_FOLDER}/`) && !wanted.get(module)?.has(path)) plan.stale.push({ module, path });
    }
  }
  return plan;
}
