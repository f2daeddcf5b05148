import { clampMood } from '../scenario/mood.ts';
import type { Scenario } from '../scenario/types.ts';
import type { CallState, TranscriptEntry } from './call-state.ts';

/** A validated scenario has no loop made only of customer lines; this is a last safety net. */
const MAX_CUSTOMER_LINES = 200;

/**
 * Moves the call to `target` at time `at`, playing every customer line on the way, and stops at
 * the next learner turn or at an ending.
 */
export function advance(scenario: Scenario, state: CallState, target: string, at: number, heardMs = 0): CallState {
  const transcript: TranscriptEntry[] = [...state.transcript];
  let mood = state.mood;
  // The customer's lines play one after the other: the learner's time starts after the last one.
  let speakingMs = heardMs;
  let id = target;
  for (let step = 0; step < MAX_CUSTOMER_LINES; step++) {
    const node = scenario.nodes[id];
    if (!node) throw new Error(`Scenario ${scenario.id}: unknown node ${id}`);
    const atMs = at - state.startedAt;
    if (node.kind === 'customer') {
      mood = clampMood(mood + node.mood);
      transcript.push({ kind: 'customer', node: id, phase: node.phase, atMs, text: node.text, audio: node.audio, mood });
      speakingMs += audioLength(state, id);
      id = node.ifMoodBelow && mood < node.ifMoodBelow.mood ? node.ifMoodBelow.next : node.next;
      continue;
    }
    if (node.kind === 'ending') {
      transcript.push({ kind: 'ending', node: id, phase: node.phase, atMs, ending: node.ending, outcome: node.outcome, text: node.text, audio: node.audio, mood });
      return { ...state, node: id, mood, transcript, lastAt: at, ended: { kind: node.ending, outcome: node.outcome, node: id, at } };
    }
    return { ...state, node: id, mood, transcript, lastAt: at, turnStartedAt: at + speakingMs, turnTimedOut: false };
  }
  throw new Error(`Scenario ${scenario.id}: customer lines loop from ${target}`);
}

/** The length of a line's audio as the call was started with (0 when it has none or is unknown). */
export function audioLength(state: CallState, node: string): number {
  const ms = state.audioMs && Object.hasOwn(state.audioMs, node) ? state.audioMs[node] : 0;
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
