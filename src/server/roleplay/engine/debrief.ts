import { blockingFaultCode, type BlockingFaultCode } from '../scenario/blocking-faults.ts';
import { csatFromMood, moodLabel } from '../scenario/mood.ts';
import type { ChoiceNode, EndingKind, LearnerOption, Scenario } from '../scenario/types.ts';
import type { CallState, LearnerAnswer, Tally } from './call-state.ts';
import { percentOf } from './tally.ts';

export interface ScoreLine extends Tally {
  id: string;
  label: string;
  percent: number;
}

export interface TurnReview {
  turn: number;
  node: string;
  phase: string;
  /** What the customer had just said. */
  customerBefore: string[];
  answer: LearnerAnswer;
  earned: number;
  max: number;
  feedback: string;
  tags: string[];
  /** A better thing to say or do, when the learner's was not the best. */
  better: { text: string; feedback: string } | null;
}

/** An eliminatory fault of the call, with where it happened: the debrief names these first. */
export interface CallFault {
  turn: number;
  node: string;
  phase: string;
  /** The fault's tag as the author wrote it ('' when a blocking concept has none). */
  tag: string;
  /** Stable code of the standard tag (translated labels are keyed on it), or `custom`. */
  code: BlockingFaultCode;
  /** Why it is a fault, in the author's words. */
  label: string;
  /** What the learner said. */
  said: string;
}

export interface Debrief {
  finished: boolean;
  outcome: { kind: EndingKind; text: string } | null;
  scorePercent: number;
  /** Finished, not hung up, at or above the pass mark, and without any blocking fault. */
  passed: boolean;
  /** Blocking faults in call order: one is enough to fail the call. */
  blockingFaults: CallFault[];
  phases: ScoreLine[];
  competencies: ScoreLine[];
  indicators: {
    durationSeconds: number;
    targetSeconds: number;
    /** Handling time against the target (AHT): within the target or not. */
    withinTarget: boolean;
    /** First-contact resolution: the call ended resolved and no follow-up contact is due. */
    fcr: boolean;
    /** 1..5, from the final mood. */
    csat: number;
    finalMood: number;
    moodLabel: string;
  };
  turns: TurnReview[];
  timeouts: number;
  lookups: string[];
}

/** The debrief of a call: pure, from the scenario and the call state alone. */
export function debrief(scenario: Scenario, state: CallState, competencyLabels: ReadonlyMap<string, string> = new Map()): Debrief {
  // A phase or competency that no played turn could score says nothing: leave it out.
  const phases = scenario.phases
    .filter((p) => Object.hasOwn(state.phaseScores, p.id) && counts(state.phaseScores[p.id]))
    .map((p) => line(p.id, p.label, state.phaseScores[p.id]));
  const competencies = Object.entries(state.competencyScores)
    .filter(([, tally]) => counts(tally))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, tally]) => line(code, competencyLabels.get(code) ?? code, tally));
  const total = Object.values(state.phaseScores).reduce((sum, t) => ({ earned: sum.earned + t.earned, max: sum.max + t.max }), { earned: 0, max: 0 });
  const scorePercent = percentOf(total);
  const end = state.ended;
  const durationSeconds = Math.round(((end?.at ?? state.lastAt) - state.startedAt) / 1000);
  const blockingFaults = faultsOf(state);
  return {
    finished: end !== null,
    outcome: end ? { kind: end.kind, text: end.outcome } : null,
    scorePercent,
    passed: end !== null && end.kind !== 'hung-up' && scorePercent >= scenario.passMark && blockingFaults.length === 0,
    blockingFaults,
    phases,
    competencies,
    indicators: {
      durationSeconds,
      targetSeconds: scenario.targetSeconds,
      withinTarget: durationSeconds <= scenario.targetSeconds,
      fcr: end?.kind === 'resolved' && !endedOnFollowUp(scenario, end.node),
      csat: csatFromMood(state.mood),
      finalMood: state.mood,
      moodLabel: moodLabel(state.mood),
    },
    turns: reviewTurns(scenario, state),
    timeouts: state.transcript.filter((e) => e.kind === 'timeout').length,
    lookups: state.transcript.flatMap((e) => (e.kind === 'lookup' ? [e.label] : [])),
  };
}

function faultsOf(state: CallState): CallFault[] {
  return state.transcript.flatMap((entry) =>
    entry.kind === 'learner'
      ? (entry.blockingFaults ?? []).map((f) => ({ turn: entry.turn, node: entry.node, phase: entry.phase, tag: f.tag ?? '', code: blockingFaultCode(f.tag), label: f.label, said: entry.answer.text }))
      : [],
  );
}

function endedOnFollowUp(scenario: Scenario, nodeId: string): boolean {
  const node = scenario.nodes[nodeId];
  return node?.kind === 'ending' && node.followUp === true;
}

function counts(tally: Tally | undefined): boolean {
  return tally !== undefined && (tally.max > 0 || tally.earned !== 0);
}

function line(id: string, label: string, tally: Tally): ScoreLine {
  return { id, label, ...tally, percent: percentOf(tally) };
}

function reviewTurns(scenario: Scenario, state: CallState): TurnReview[] {
  const reviews: TurnReview[] = [];
  let customerBefore: string[] = [];
  for (const entry of state.transcript) {
    if (entry.kind === 'customer' || entry.kind === 'timeout') customerBefore.push(entry.text);
    if (entry.kind !== 'learner') continue;
    reviews.push({
      turn: entry.turn,
      node: entry.node,
      phase: entry.phase,
      customerBefore,
      answer: entry.answer,
      earned: sum(entry.points) + sum(entry.competencies),
      max: sum(entry.maxPoints) + sum(entry.maxCompetencies),
      feedback: entry.feedback,
      tags: entry.tags,
      better: betterOption(scenario, entry.node, entry.answer),
    });
    customerBefore = [];
  }
  return reviews;
}

function betterOption(scenario: Scenario, nodeId: string, answer: LearnerAnswer): TurnReview['better'] {
  const node = scenario.nodes[nodeId];
  if (node?.kind === 'free' && answer.type === 'free') {
    return answer.rubric.percent < 100 ? { text: node.model, feedback: node.good.feedback } : null;
  }
  if (node?.kind !== 'choice' || answer.type !== 'option') return null;
  const best = bestOption(node);
  const chosen = node.options.filter((o) => o.kind === answer.kind)[answer.kind === 'say' ? answer.index : 0];
  if (!chosen || value(chosen) >= value(best)) return null;
  return { text: best.text, feedback: best.feedback };
}

/** The option worth the most points (phases and competencies together); the first one on a tie. */
export function bestOption(node: ChoiceNode): LearnerOption {
  return node.options.reduce((a, b) => (value(b) > value(a) ? b : a));
}

function value(option: LearnerOption): number {
  return sum(option.points) + sum(option.competencies);
}

function sum(points: Readonly<Record<string, number>>): number {
  return Object.values(points).reduce((a, b) => a + b, 0);
}
