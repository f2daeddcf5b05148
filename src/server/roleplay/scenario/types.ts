/**
 * A simulated customer call, as parsed and validated from
 * `courses/<module-id>/roleplays/<scenario-id>.yaml`. Immutable, JSON-serialisable.
 * The format is documented for trainers in docs/roleplay-format.md.
 */

export type CallType = 'inbound' | 'outbound';

/** Mood is a number from 0 (furious) to 100 (delighted). */
export const MOOD_MIN = 0;
export const MOOD_MAX = 100;

export interface Phase {
  id: string;
  label: string;
}

/** espeak-ng voice: `-v fr+<variant> -p <pitch> -s <speed>`. */
export interface Voice {
  variant: string;
  pitch: number;
  speed: number;
}

/** One line of the customer record (CRM file) shown on the agent's screen. */
export interface RecordField {
  key: string;
  label: string;
  value: string;
  /** true: the value stays hidden until the learner looks it up (an action that takes call time). */
  lookup: boolean;
}

export interface Persona {
  name: string;
  situation: string;
  /** 0..100 */
  mood: number;
  voice: Voice;
  record: RecordField[];
}

/** Points keyed by phase id, and by competency code. */
export type Points = Readonly<Record<string, number>>;

export type OptionKind = 'say' | 'hold' | 'transfer';

/** Something the learner can do at a choice turn: say a line, or press hold / transfer. */
export interface LearnerOption {
  kind: OptionKind;
  text: string;
  next: string;
  /** Points per phase id (a plain number in YAML goes to the node's phase). */
  points: Points;
  /** Points per competency code. */
  competencies: Points;
  mood: number;
  feedback: string;
  tags: string[];
  /** `blocking: true`: choosing it fails the call (so does a standard blocking tag, see blocking-faults.ts). */
  blocking: boolean;
  /** Record field keys the learner must have looked up before this option is available. */
  requires: string[];
  /** Transfer destination (kind 'transfer' only). */
  to?: string;
}

export interface TimeLimit {
  seconds: number;
  /** What the customer says when the silence runs out. */
  say: string;
  mood: number;
  /** Points lost in the node's phase. Positive number. */
  pointsLost: number;
  /** Where the call goes; when absent it stays on the same turn and the timer restarts. */
  next?: string;
}

export interface RubricElement {
  label: string;
  /** Expressions any of which counts (raw text; normalised when scoring). */
  anyOf: string[];
}

/**
 * Something the agent must not say (disclosing data, a promise the company cannot keep).
 * Found, it costs points; when blocking, the answer fails and the call records a blocking
 * fault with the tag (one of the standard fault tags, e.g. "divulgation").
 */
export interface ForbiddenConcept extends RubricElement {
  blocking: boolean;
  tag?: string;
}

/** A fault that fails the call whatever its points: what was wrong, and its standard tag. */
export interface BlockingFault {
  label: string;
  tag?: string;
}

export interface Rubric {
  required: RubricElement[];
  /** Concepts the answer must not contain. */
  forbidden: ForbiddenConcept[];
  avoid: string[];
  politeness: string[];
  minWords?: number;
  maxWords?: number;
  /** Percentage (0..100) at or above which the answer takes the `good` branch. */
  pass: number;
}

export interface RubricSamples {
  /** Must take the `good` branch. */
  good: string[];
  /** Must not. */
  bad: string[];
}

export interface FreeOutcome {
  next: string;
  mood: number;
  feedback: string;
}

interface NodeBase {
  id: string;
  phase: string;
}

export interface CustomerNode extends NodeBase {
  kind: 'customer';
  text: string;
  /** Recorded audio, relative to the module folder. */
  audio?: string;
  /** The customer writes this line (chat, SMS, e-mail): shown as written text, no synthesized voice. */
  written?: boolean;
  mood: number;
  next: string;
  /** If the mood (after this line's effect) is below `mood`, go to `next` instead. */
  ifMoodBelow?: { mood: number; next: string };
}

export interface ChoiceNode extends NodeBase {
  kind: 'choice';
  prompt?: string;
  options: LearnerOption[];
  timeLimit?: TimeLimit;
}

export interface FreeNode extends NodeBase {
  kind: 'free';
  prompt: string;
  rubric: Rubric;
  /** Maximum points per phase / competency, scaled by the rubric score. */
  points: Points;
  competencies: Points;
  /** A model answer, shown in the debrief as the better option. */
  model: string;
  /** Answers real trainees wrote, labelled by the trainer: courses:check grades each one. */
  samples?: RubricSamples;
  good: FreeOutcome;
  weak: FreeOutcome;
  timeLimit?: TimeLimit;
}

export type EndingKind = 'resolved' | 'escalated' | 'hung-up';

export interface EndingNode extends NodeBase {
  kind: 'ending';
  ending: EndingKind;
  outcome: string;
  /** Optional last words of the customer. */
  text?: string;
  audio?: string;
  /** The customer writes these last words (chat, e-mail): shown as text, no voice. */
  written?: boolean;
  /** True when the story needs another contact (a call-back): the call is then not a first-contact resolution. */
  followUp?: boolean;
}

export type ScenarioNode = CustomerNode | ChoiceNode | FreeNode | EndingNode;
export type LearnerNode = ChoiceNode | FreeNode;

export interface Scenario {
  id: string;
  title: string;
  summary: string;
  /**
   * YYYY-MM-DD: the day the story happens on; its weekdays are checked against that calendar.
   * Required by the parser; absent only in course versions stored before the key existed.
   */
  storyDate?: string;
  callType: CallType;
  /** Every customer line is written (a chat, an exchange of e-mails): none is voiced. */
  written?: boolean;
  /** Competency codes this scenario trains (from courses/competences.yaml). */
  competencies: string[];
  /** Target handling time in seconds (for AHT). */
  targetSeconds: number;
  /** Overall score percentage needed to pass. */
  passMark: number;
  phases: Phase[];
  persona: Persona;
  start: string;
  /** Nodes by id, in file order. */
  nodes: Readonly<Record<string, ScenarioNode>>;
}
