import { createHash } from 'node:crypto';
import type { Scenario, Voice } from '../scenario/types.ts';
import { AUDIO_FORMAT } from './downsample-wav.ts';
import { speakableFrench } from './speakable-french.ts';

/** Synthesized files live next to the scenarios, inside the module folder. */
export const TTS_FOLDER = 'roleplays/tts';
export const TTS_EXTENSION = 'wav';

/** A line the customer says: a customer turn, an ending's last words, or a reaction to silence. */
export interface CustomerLine {
  node: string;
  text: string;
  /** Recorded audio, relative to the module folder. */
  audio?: string;
}

export type LineAudio = { kind: 'recorded' | 'synthesized'; path: string } | null;

/** Whether a node's customer words are written (chat, SMS, e-mail), not spoken: no voice for them. */
export function isWrittenLine(scenario: Pick<Scenario, 'written' | 'nodes'>, nodeId: string): boolean {
  const node = scenario.nodes[nodeId];
  return scenario.written === true || ((node?.kind === 'customer' || node?.kind === 'ending') && node.written === true);
}

/** The lines to voice: written lines (a chat message, an SMS) are left out, they are read. */
export function customerLines(scenario: Scenario): CustomerLine[] {
  if (scenario.written) return [];
  return Object.values(scenario.nodes).flatMap((node): CustomerLine[] => {
    if (isWrittenLine(scenario, node.id) && (node.kind === 'customer' || node.kind === 'ending')) return [];
    switch (node.kind) {
      case 'customer':
        return [{ node: node.id, text: node.text, audio: node.audio }];
      case 'ending':
        return node.text ? [{ node: node.id, text: node.text, audio: node.audio }] : [];
      case 'choice':
      case 'free':
        return node.timeLimit ? [{ node: node.id, text: node.timeLimit.say }] : [];
    }
  });
}

/** espeak-ng arguments for a persona's voice (French, with the persona's variant, pitch and speed). */
export function espeakArguments(voice: Voice): string[] {
  return ['-v', `fr+${voice.variant}`, '-p', String(voice.pitch), '-s', String(voice.speed)];
}

/** Where the synthesized audio of a line is stored: named by a hash of the voice and the spoken text. */
export function synthesizedAudioPath(voice: Voice, text: string): string {
  const hash = createHash('sha256').update(`${AUDIO_FORMAT}\n${espeakArguments(voice).join(' ')}\n${speakableFrench(text)}`).digest('hex');
  return `${TTS_FOLDER}/${hash}.${TTS_EXTENSION}`;
}

/**
 * The audio the player should use for a line: the recorded file if the scenario names one and
 * it exists, else the synthesized file if it was generated, else none (text only).
 * `available` holds the module's file paths, relative to the module folder.
 */
export function resolveLineAudio(line: Pick<CustomerLine, 'text' | 'audio'>, voice: Voice, available: ReadonlySet<string>): LineAudio {
  if (line.audio && available.has(line.audio)) return { kind: 'recorded', path: line.audio };
  const synthesized = synthesizedAudioPath(voice, line.text);
  return available.has(synthesized) ? { kind: 'synthesized', path: synthesized } : null;
}
