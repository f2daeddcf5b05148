import type { RubricScore } from '../rubric/score-rubric.ts';
import type { BlockingFault, EndingKind, OptionKind, Points } from '../scenario/types.ts';

/** Points earned against the most that could have been earned, on the turns actually played. */
export interface Tally {
  earned: number;
  max: number;
}

export type LearnerAnswer =
  | {
      type: 'option';
      kind: OptionKind;
      /** Index among the turn's said options, in the author's order (the scenario's own numbering). */
      index: number;
      text: string;
      to?: string;
      /** Said lines as the screen showed them (authored indices, top first), and the position clicked. */
      shown?: number[];
      position?: number;
    }
  | { type: 'free'; text: string; rubric: RubricScore };

interface EntryBase {
  node: string;
  phase: string;
  /** Milliseconds since the call started. */
  atMs: number;
}

export type TranscriptEntry =
  | (EntryBase & { kind: 'customer'; text: string; audio?: string; mood: number })
  | (EntryBase & {
      kind: 'learner';
      turn: number;
      answer: LearnerAnswer;
      points: Points;
      competencies: Points;
      maxPoints: Points;
      maxCompetencies: Points;
      mood: number;
      feedback: string;
      tags: string[];
      /** Absent on turns without one, and on calls stored before blocking faults existed. */
      blockingFaults?: BlockingFault[];
    })
  | (EntryBase & { kind: 'lookup'; turn: number; field: string; label: string; value: string })
  | (EntryBase & { kind: 'timeout'; turn: number; text: string; pointsLost: number; mood: number })
  | (EntryBase & { kind: 'ending'; ending: EndingKind; outcome: string; text?: string; audio?: string; mood: number });

/**
 * A call in progress or finished. Plain JSON so that the server can store it and resume it.
 * Times are epoch milliseconds taken from the injected clock only.
 */
export interface CallState {
  scenarioId: string;
  /** The call's id: orders the lines of each choice turn (shown-order.ts). Absent: authored order. */
  seed?: string;
  /** The learner turn waiting for input, or the ending reached. */
  node: string;
  /** Sequence number the next learner input must carry (replay protection). */
  turn: number;
  mood: number;
  startedAt: number;
  turnStartedAt: number;
  /** true once this visit of the current turn has run out of time (a timeout without `next` fires once). */
  turnTimedOut: boolean;
  lastAt: number;
  /**
   * The learner's "temps adapté": each turn's time limit is multiplied by it; null means no limit
   * at all (no silence fires, so a slow reader is never hung up on). Absent: 1.
   */
  timeFactor?: number | null;
  /**
   * How long each customer line's audio lasts, in ms, by node id (a turn's id for its silence
   * line): a turn's time only starts once the customer has finished speaking. Absent: 0.
   */
  audioMs?: Readonly<Record<string, number>>;
  phaseScores: Readonly<Record<string, Tally>>;
  competencyScores: Readonly<Record<string, Tally>>;
  lookedUp: string[];
  transcript: TranscriptEntry[];
  ended: { kind: EndingKind; outcome: string; node: string; at: number } | null;
}
