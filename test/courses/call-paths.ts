import {
  applyAction, applyChoice, applyFreeResponse, applyTimeout, availableActions, debrief, startCall,
  type CallState, type Debrief, type Grader, type Step,
} from '../../src/server/roleplay/engine/index.ts';
import { scoreRubric, type RubricScore } from '../../src/server/roleplay/rubric/score-rubric.ts';
import type { LearnerOption, Rubric, Scenario } from '../../src/server/roleplay/scenario/types.ts';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
/** Quick enough that no silence runs out: a path is what the learner says, not how fast. */
const THINK_MS = 2000;

/** One thing the learner did on a path, as a trainer reads it back. */
export interface PathStep {
  node: string;
  phase: string;
  /** 'say' (a line, authored index), 'hold', 'transfer', or a typed sample labelled good or bad. */
  kind: 'say' | 'hold' | 'transfer' | 'good-sample' | 'bad-sample' | 'silence';
  index: number;
  text: string;
  /** The option played (choice turns only). */
  option?: LearnerOption;
}

export interface CallPath {
  steps: PathStep[];
  state: CallState;
  debrief: Debrief;
}

export interface PathWalk {
  /** Paths played to an ending. */
  paths: number;
  /** Paths cut off at the turn limit (a loop, or a call far too long), with their steps so far. */
  tooLong: PathStep[][];
  /** Turns where the learner could do nothing (no line, no typed turn), by node. */
  deadEnds: string[];
  /** Inputs the engine refused, in words: a path the player could not play. */
  refused: string[];
}

/**
 * The real grader, remembered per rubric and answer: the same sample is graded once however many
 * paths reach its turn (paths multiply, the grader is not cheap).
 */
function rememberingGrader(): Grader {
  const seen = new Map<Rubric, Map<string, RubricScore>>();
  return (rubric, answer) => {
    const byText = seen.get(rubric) ?? seen.set(rubric, new Map()).get(rubric) as Map<string, RubricScore>;
    let score = byText.get(answer);
    if (!score) byText.set(answer, (score = scoreRubric(rubric, answer)));
    return score;
  };
}

/**
 * Every path of a call through the real engine, from the ring to an ending: every line, hold and
 * transfer at each choice turn (after looking up the record fields the line needs, as a learner
 * clicks "Consulter"), every labelled sample answer, good and bad, at each typed turn, and a
 * silence where it sends the call elsewhere (a silence that only costs points is left out). Paths
 * are not merged: each is played to its end and debriefed. A path longer than `maxTurns` learner
 * turns is cut off and reported.
 */
export function everyPath(scenario: Scenario, maxTurns: number, onPath: (path: CallPath) => void): PathWalk {
  const grade = rememberingGrader();
  const walk: PathWalk = { paths: 0, tooLong: [], deadEnds: [], refused: [] };
  const ok = (step: Step, what: string): CallState | undefined => {
    if (step.ok && step.applied) return step.state;
    walk.refused.push(`${what}: ${step.ok ? 'not applied' : step.rejection.code}`);
    return undefined;
  };
  const visit = (state: CallState, steps: PathStep[]): void => {
    if (state.ended) {
      walk.paths += 1;
      onPath({ steps, state, debrief: debrief(scenario, state) });
      return;
    }
    if (steps.length >= maxTurns) {
      walk.tooLong.push(steps);
      return;
    }
    const actions = availableActions(scenario, state);
    const node = scenario.nodes[state.node];
    const now = state.lastAt + THINK_MS;
    // A silence that sends the call elsewhere (`timeLimit.next`) is a path of its own.
    if (actions.kind !== 'ended' && actions.deadlineAt !== null && (node.kind === 'choice' || node.kind === 'free') && node.timeLimit?.next) {
      const next = ok(applyTimeout(scenario, state, { turn: state.turn }, actions.deadlineAt), `${node.id} silence`);
      if (next) visit(next, [...steps, { node: node.id, phase: node.phase, kind: 'silence', index: 0, text: node.timeLimit.say }]);
    }
    if (actions.kind === 'free' && node.kind === 'free') {
      const samples = [
        ...(node.samples?.good ?? []).map((text) => ({ text, kind: 'good-sample' as const })),
        ...(node.samples?.bad ?? []).map((text) => ({ text, kind: 'bad-sample' as const })),
      ];
      if (samples.length === 0) walk.deadEnds.push(`${node.id} (typed turn without samples)`);
      // Every sample is graded; the path goes on with the highest- and the lowest-scoring sample
      // of each outcome (branch taken, blocking faults found): other samples of that outcome
      // lead to the same nodes with a score in between, and paths would multiply past counting.
      const outcomes = new Map<string, { sample: (typeof samples)[number]; index: number; state: CallState; percent: number }[]>();
      samples.forEach((sample, index) => {
        const next = ok(applyFreeResponse(scenario, state, { turn: state.turn, text: sample.text }, now, grade), `${node.id} sample ${index}`);
        const entry = next?.transcript.filter((e) => e.kind === 'learner').at(-1);
        if (!next || entry?.kind !== 'learner' || entry.answer.type !== 'free') return;
        const key = JSON.stringify([entry.answer.rubric.passed, (entry.blockingFaults ?? []).map((f) => f.tag ?? '').sort()]);
        (outcomes.get(key) ?? outcomes.set(key, []).get(key))?.push({ sample, index, state: next, percent: entry.answer.rubric.percent });
      });
      for (const group of outcomes.values()) {
        const sorted = [...group].sort((a, b) => b.percent - a.percent);
        for (const kept of new Set([sorted[0], sorted[sorted.length - 1]])) {
          visit(kept.state, [...steps, { node: node.id, phase: node.phase, kind: kept.sample.kind, index: kept.index, text: kept.sample.text }]);
        }
      }
      return;
    }
    if (actions.kind !== 'choice' || node.kind !== 'choice') {
      walk.deadEnds.push(state.node);
      return;
    }
    /** Looks up what an option needs, then plays it. */
    const play = (option: LearnerOption, missing: string[], input: (s: CallState) => Step, index: number): void => {
      let current: CallState | undefined = state;
      for (const field of scenario.persona.record.filter((f) => missing.includes(f.label))) {
        current = current && ok(applyAction(scenario, current, { turn: current.turn, type: 'lookup', field: field.key }, now), `${node.id} look-up ${field.key}`);
      }
      const next = current && ok(input(current), `${node.id} ${option.kind} ${index}`);
      if (next) visit(next, [...steps, { node: node.id, phase: node.phase, kind: option.kind, index, text: option.text, option }]);
    };
    const says = node.options.filter((o) => o.kind === 'say');
    if (says.length === 0 && !actions.hold && !actions.transfer) walk.deadEnds.push(node.id);
    // Unseeded call: positions on screen are the authored order, so position i plays line i.
    actions.choices.forEach((offer) => play(says[offer.index], offer.missing, (s) => applyChoice(scenario, s, { turn: s.turn, choice: offer.index }, now + THINK_MS), offer.index));
    for (const kind of ['hold', 'transfer'] as const) {
      const offer = actions[kind];
      const option = node.options.find((o) => o.kind === kind);
      if (offer && option) play(option, offer.missing, (s) => applyAction(scenario, s, { turn: s.turn, type: kind }, now + THINK_MS), 0);
    }
  };
  visit(startCall(scenario, T0), []);
  return walk;
}
