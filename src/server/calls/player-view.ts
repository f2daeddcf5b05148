import { availableActions, MAX_RESPONSE_LENGTH, type TranscriptEntry } from '../roleplay/engine/index.ts';
import { lineAudioUrl } from './call-audio.ts';
import { isWrittenLine } from '../roleplay/voices/line-audio.ts';
import { customerWordsOf, turnOfEntry } from './call-transcript.ts';
import type { OpenCall } from './calls.service.ts';
import { clockText } from './format-time.ts';
import { moodKey } from './mood-key.ts';
import { allowanceOfFactor } from '../adaptations/time-allowance.ts';

interface HeardLine {
  text: string;
  audioUrl: string | null;
  /** A message the customer wrote (chat, SMS, e-mail): shown as written text, with no sound. */
  written: boolean;
}

/** The customer's words since the learner's last turn: what the agent has just heard. */
function lastHeard(open: OpenCall): HeardLine[] {
  const { transcript } = open.call.state;
  const lines: HeardLine[] = [];
  for (let i = transcript.length - 1; i >= 0; i--) {
    const entry = transcript[i];
    if (turnOfEntry(entry) && entry.kind !== 'timeout') break;
    const words = customerWordsOf(entry);
    const written = isWrittenLine(open.item.scenario, entry.node);
    if (words !== null) lines.unshift({ text: words, audioUrl: written ? null : audioOf(open, entry, words), written });
    if (entry.kind === 'timeout') break;
  }
  return lines;
}

function audioOf(open: OpenCall, entry: TranscriptEntry, text: string): string | null {
  const recorded = entry.kind === 'customer' || entry.kind === 'ending' ? entry.audio : undefined;
  return lineAudioUrl(open.call.id, open.version, open.item.scenario.persona.voice, { text, ...(recorded ? { audio: recorded } : {}) });
}

interface HistoryLine {
  /** Catalogue key of who speaks: the customer, the agent (the learner), or a note (silence, look-up). */
  speakerKey: string;
  text: string;
}

const said = (who: 'customer' | 'agent' | 'silence' | 'lookup', text: string): HistoryLine => ({ speakerKey: `calls.player.speaker.${who}`, text });

/** The conversation so far, one line per speaker turn, for the "what was said" panel. */
function history(open: OpenCall): HistoryLine[] {
  return open.call.state.transcript.flatMap((entry): HistoryLine[] => {
    switch (entry.kind) {
      case 'customer':
        return [said('customer', entry.text)];
      case 'timeout':
        return [said('silence', ''), said('customer', entry.text)];
      case 'learner':
        return [said('agent', entry.answer.text)];
      case 'lookup':
        return [said('lookup', `${entry.label} : ${entry.value}`)];
      case 'ending':
        return entry.text ? [said('customer', entry.text)] : [];
    }
  });
}

/** Everything the call player page shows, from the call and the clock. Pure. */
export function playerView(open: OpenCall, now: number) {
  const { call, item, version } = open;
  const { scenario } = item;
  const state = call.state;
  const actions = availableActions(scenario, state);
  const open_ = actions.kind !== 'ended' ? actions : null;
  const phase = open_ ? scenario.phases.find((p) => p.id === open_.phase) : undefined;
  const lookable = new Set(open_?.lookups.map((l) => l.key) ?? []);
  const elapsedSeconds = Math.floor((now - state.startedAt) / 1000);
  const deadline = open_?.deadlineAt ?? null;
  const node = open_ ? scenario.nodes[open_.node] : undefined;
  const timeLimit = node && (node.kind === 'choice' || node.kind === 'free') ? node.timeLimit : undefined;
  const allowance = allowanceOfFactor(state.timeFactor);
  return {
    call: { id: call.id, title: item.title, moduleTitle: version.content.title, callTypeKey: `calls.callType.${scenario.callType}` },
    persona: { name: scenario.persona.name, situation: scenario.persona.situation },
    phaseLabel: phase?.label ?? '',
    timer: { elapsedSeconds, text: clockText(elapsedSeconds), targetText: clockText(scenario.targetSeconds) },
    heard: lastHeard(open),
    history: history(open),
    record: scenario.persona.record.map((f) => {
      const shown = !f.lookup || state.lookedUp.includes(f.key);
      return { key: f.key, label: f.label, value: shown ? f.value : '', hidden: !shown, canLookUp: lookable.has(f.key) };
    }),
    mood: { value: state.mood, labelKey: moodKey(state.mood) },
    turn: open_
      ? {
          number: open_.turn,
          isChoice: open_.kind === 'choice',
          isFree: open_.kind === 'free',
          /** An answer the learner may also say aloud: a line to choose or a text to type. */
          speakable: open_.kind === 'choice' || open_.kind === 'free',
          prompt: open_.kind === 'choice' ? (open_.prompt ?? '') : open_.prompt,
          choices: open_.kind === 'choice' ? open_.choices.map((c) => ({ ...c, missingText: c.missing.join(', ') })) : [],
          hold: open_.kind === 'choice' && open_.hold ? { ...open_.hold, missingText: open_.hold.missing.join(', ') } : null,
          transfer: open_.kind === 'choice' && open_.transfer ? { ...open_.transfer, missingText: open_.transfer.missing.join(', ') } : null,
          maxLength: MAX_RESPONSE_LENGTH,
          // The limit as this learner has it (times their "temps adapté"), counted from the end of the customer's voice.
          deadline: deadline === null ? null : { secondsLeft: Math.max(0, Math.ceil((deadline - now) / 1000)), limitSeconds: Math.round((timeLimit?.seconds ?? 0) * (state.timeFactor ?? 1)), startsInSeconds: Math.max(0, Math.ceil((state.turnStartedAt - now) / 1000)) },
          /** Which "temps adapté" applies, when the turn is timed for others. */
          allowanceKey: timeLimit && allowance !== 'standard' && !state.turnTimedOut ? `adaptations.allowance.${allowance}` : null,
        }
      : null,
  };
}

export type PlayerView = ReturnType<typeof playerView>;
