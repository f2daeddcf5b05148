import type { CallState, TranscriptEntry } from '../roleplay/engine/index.ts';
import type { BlockingFault, EndingKind, Scenario } from '../roleplay/scenario/types.ts';

/** What the learner did at a turn: said a line, typed an answer, pressed a button, or stayed silent. */
export type TurnKind = 'say' | 'free' | 'hold' | 'transfer' | 'lookup' | 'silence';

/** How a call ended, as written in xAPI (outcome extension). */
export type CallOutcome = 'resolved' | 'escalated' | 'hung_up' | 'abandoned';

export interface TranscriptTurn {
  turn: number;
  phase: string;
  /** ISO-8601 UTC, call time of the turn. */
  timestamp: string;
  /** What the customer said since the previous turn, one line per line. */
  customer: string;
  kind: TurnKind;
  /** The learner's words, the button pressed, or the record field looked up. */
  text: string;
  /** At a choice turn, the lines as the screen showed them, top first (empty otherwise). */
  shown: string[];
  feedback: string;
  tags: string[];
  /** Eliminatory faults of the turn (empty for most). */
  blockingFaults: BlockingFault[];
  /** Customer mood after the turn; null for a look-up (it does not change the mood). */
  mood: number | null;
  /** Phase points earned at this turn, out of the most the turn offered; null for a look-up. */
  score: { earned: number; max: number } | null;
}

export interface TranscriptEnd {
  outcome: CallOutcome;
  /** The outcome as the scenario words it (empty for an abandoned call). */
  text: string;
  /** What the customer said after the last turn, last words included. */
  customer: string;
  mood: number;
  timestamp: string;
}

/** A call as a trainer listens back to it: the same shape from the engine state or from xAPI. */
export interface CallTranscript {
  turns: TranscriptTurn[];
  end: TranscriptEnd | null;
}

export const outcomeOf = (ending: EndingKind): CallOutcome => (ending === 'hung-up' ? 'hung_up' : ending);

const sum = (points: Readonly<Record<string, number>>): number => Math.round(Object.values(points).reduce((a, b) => a + b, 0) * 100) / 100;

/** Lines joined the way statements carry them (one xAPI string per turn). */
export const joinLines = (lines: readonly string[]): string => lines.join('\n');

/** The lines a choice turn showed, in screen order, read from the scenario (empty when not known). */
function shownLines(entry: Extract<TranscriptEntry, { kind: 'learner' }>, scenario: Scenario | undefined): string[] {
  const node = scenario?.nodes[entry.node];
  if (entry.answer.type !== 'option' || !entry.answer.shown || node?.kind !== 'choice') return [];
  const says = node.options.filter((o) => o.kind === 'say');
  return entry.answer.shown.flatMap((index) => (says[index] ? [says[index].text] : []));
}

/** A transcript entry that is a turn of the learner (a line said, a button, a look-up or a silence). */
export function turnOfEntry(entry: TranscriptEntry, scenario?: Scenario): Omit<TranscriptTurn, 'customer' | 'timestamp'> | null {
  switch (entry.kind) {
    case 'learner': {
      const a = entry.answer;
      const kind: TurnKind = a.type === 'free' ? 'free' : a.kind;
      return {
        turn: entry.turn, phase: entry.phase, kind, text: a.text, shown: shownLines(entry, scenario), feedback: entry.feedback, tags: entry.tags,
        blockingFaults: entry.blockingFaults ?? [], mood: entry.mood,
        score: { earned: sum(entry.points), max: sum(entry.maxPoints) },
      };
    }
    case 'lookup':
      return { turn: entry.turn, phase: entry.phase, kind: 'lookup', text: entry.label, shown: [], feedback: '', tags: [], blockingFaults: [], mood: null, score: null };
    case 'timeout':
      return { turn: entry.turn, phase: entry.phase, kind: 'silence', text: '', shown: [], feedback: '', tags: [], blockingFaults: [], mood: entry.mood, score: { earned: -entry.pointsLost, max: 0 } };
    default:
      return null;
  }
}

/** Customer words an entry adds to what the learner hears next (a silence's reaction comes after it). */
export function customerWordsOf(entry: TranscriptEntry): string | null {
  if (entry.kind === 'customer' || entry.kind === 'timeout') return entry.text;
  if (entry.kind === 'ending') return entry.text ?? null;
  return null;
}

/** The trainer's transcript of a call, straight from the engine state (and its scenario, for the lines shown). Pure. */
export function callTranscript(state: CallState, abandonedAt: number | null = null, scenario?: Scenario): CallTranscript {
  const at = (ms: number) => new Date(state.startedAt + ms).toISOString();
  const turns: TranscriptTurn[] = [];
  let heard: string[] = [];
  for (const entry of state.transcript) {
    const turn = turnOfEntry(entry, scenario);
    if (turn) {
      turns.push({ ...turn, customer: joinLines(heard), timestamp: at(entry.atMs) });
      heard = [];
    }
    const words = customerWordsOf(entry);
    if (words !== null) heard.push(words);
  }
  const ended = state.transcript.find((e) => e.kind === 'ending');
  if (ended?.kind === 'ending') {
    return { turns, end: { outcome: outcomeOf(ended.ending), text: ended.outcome, customer: joinLines(heard), mood: ended.mood, timestamp: at(ended.atMs) } };
  }
  if (abandonedAt !== null) {
    return { turns, end: { outcome: 'abandoned', text: '', customer: joinLines(heard), mood: state.mood, timestamp: new Date(abandonedAt).toISOString() } };
  }
  return { turns, end: null };
}
