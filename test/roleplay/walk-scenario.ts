import {
  applyAction, applyChoice, applyFreeResponse, applyTimeout, availableActions, startCall, type CallState, type Step,
} from '../../src/server/roleplay/engine/index.ts';
import type { Scenario } from '../../src/server/roleplay/scenario/types.ts';

export const BAD_ANSWER = 'euh je sais pas';
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const THINK_MS = 2000;
const MAX_STATES = 50_000;

export interface Walk {
  states: number;
  endings: Set<string>;
  /** Every node met: learner turns waited on, customer lines played, endings reached. */
  visited: Set<string>;
  /** Problems found, in words. */
  problems: string[];
}

/**
 * Explores every path of a scenario through the real engine: every choice (looking up what it
 * requires first), hold, transfer, every look-up, a good free response (the model answer) and
 * a bad one, and every silence. States that differ only by score are merged, which bounds the
 * walk; then every state must be able to reach an ending.
 */
export function walkScenario(scenario: Scenario): Walk {
  const keyOf = (s: CallState): string => JSON.stringify([s.node, s.mood, s.turnTimedOut, [...s.lookedUp].sort(), s.ended?.node ?? null]);
  const edges = new Map<string, Set<string>>();
  const ended = new Set<string>();
  const walk: Walk = { states: 0, endings: new Set(), visited: new Set(), problems: [] };
  const start = startCall(scenario, T0);
  const stack: CallState[] = [start];
  edges.set(keyOf(start), new Set());
  while (stack.length > 0 && edges.size < MAX_STATES) {
    const state = stack.pop() as CallState;
    const key = keyOf(state);
    state.transcript.forEach((e) => walk.visited.add(e.node));
    walk.visited.add(state.node);
    if (state.ended) {
      ended.add(key);
      walk.endings.add(state.node);
      continue;
    }
    for (const next of successors(scenario, state, walk.problems)) {
      // Paths that merge into one state still each count for the nodes they went through.
      next.transcript.forEach((e) => walk.visited.add(e.node));
      const nextKey = keyOf(next);
      (edges.get(key) as Set<string>).add(nextKey);
      if (!edges.has(nextKey)) {
        edges.set(nextKey, new Set());
        stack.push(next);
      }
    }
    if ((edges.get(key) as Set<string>).size === 0) walk.problems.push(`dead end at ${state.node}`);
  }
  if (edges.size >= MAX_STATES) walk.problems.push('too many states');
  walk.states = edges.size;
  const canEnd = coReachable(edges, ended);
  for (const key of edges.keys()) if (!canEnd.has(key)) walk.problems.push(`cannot reach an ending from ${key}`);
  return walk;
}

function successors(scenario: Scenario, state: CallState, problems: string[]): CallState[] {
  const actions = availableActions(scenario, state);
  if (actions.kind === 'ended') return [];
  const now = state.lastAt + THINK_MS;
  const out: CallState[] = [];
  const take = (step: Step, what: string): CallState | undefined => {
    if (step.ok) return step.state;
    problems.push(`${what} at ${state.node} rejected: ${step.rejection.code}`);
    return undefined;
  };
  const push = (s: CallState | undefined): void => void (s && out.push(s));
  /** Looks up the fields an option needs, then plays it. */
  const withLookups = (keys: string[], play: (s: CallState) => Step, what: string): void => {
    let current: CallState | undefined = state;
    for (const field of scenario.persona.record.filter((f) => keys.includes(f.label)).map((f) => f.key)) {
      current = current && take(applyAction(scenario, current, { turn: current.turn, type: 'lookup', field }, now), 'lookup');
    }
    if (current) push(take(play(current), what));
  };
  for (const lookup of actions.lookups) push(take(applyAction(scenario, state, { turn: state.turn, type: 'lookup', field: lookup.key }, now), 'lookup'));
  if (actions.kind === 'choice') {
    actions.choices.forEach((c) => withLookups(c.missing, (s) => applyChoice(scenario, s, { turn: s.turn, choice: c.index }, now + THINK_MS), `choice ${c.index}`));
    if (actions.hold) withLookups(actions.hold.missing, (s) => applyAction(scenario, s, { turn: s.turn, type: 'hold' }, now + THINK_MS), 'hold');
    if (actions.transfer) withLookups(actions.transfer.missing, (s) => applyAction(scenario, s, { turn: s.turn, type: 'transfer' }, now + THINK_MS), 'transfer');
  } else {
    const node = scenario.nodes[state.node];
    if (node.kind !== 'free') throw new Error('free turn expected');
    const good = take(applyFreeResponse(scenario, state, { turn: state.turn, text: node.model }, now), 'model answer');
    const bad = take(applyFreeResponse(scenario, state, { turn: state.turn, text: BAD_ANSWER }, now), 'bad answer');
    const percent = (s: CallState | undefined): number | undefined => {
      const entry = s?.transcript.find((e) => e.kind === 'learner' && e.turn === state.turn);
      return entry?.kind === 'learner' && entry.answer.type === 'free' ? entry.answer.rubric.percent : undefined;
    };
    // The model answer is shown as the better option: it must be flawless by its own rubric.
    if (percent(good) !== 100) problems.push(`the model answer at ${node.id} scores ${percent(good)}% on its own rubric`);
    if ((percent(bad) ?? 100) >= node.rubric.pass) problems.push(`a bad answer passes the rubric at ${node.id}`);
    push(good);
    push(bad);
  }
  if (actions.deadlineAt !== null) push(take(applyTimeout(scenario, state, { turn: state.turn }, actions.deadlineAt), 'timeout'));
  return out;
}

function coReachable(edges: ReadonlyMap<string, Set<string>>, targets: Set<string>): Set<string> {
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of edges) for (const to of tos) (reverse.get(to) ?? reverse.set(to, []).get(to) as string[]).push(from);
  const seen = new Set(targets);
  const stack = [...targets];
  while (stack.length > 0) {
    for (const from of reverse.get(stack.pop() as string) ?? []) {
      if (!seen.has(from)) {
        seen.add(from);
        stack.push(from);
      }
    }
  }
  return seen;
}
