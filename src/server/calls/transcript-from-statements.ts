/**
 * Rebuilds a call's transcript from its xAPI statements alone (pure), for trainers listening
 * back to a call: the statements of one registration, in any order.
 */
import type { Statement } from '../../lrs/index.ts';
import { EXTENSIONS, VERBS } from '../xapi/vocabulary.ts';
import type { CallOutcome, CallTranscript, TranscriptEnd, TranscriptTurn, TurnKind } from './call-transcript.ts';

type Json = { [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const END_VERBS = new Set<string>([VERBS.passed.id, VERBS.failed.id, VERBS.completed.id, VERBS.abandoned.id]);
const OUTCOMES = new Set<string>(['resolved', 'escalated', 'hung_up', 'abandoned']);
const ACTIONS = new Set<string>(['hold', 'transfer', 'lookup']);

function turnKind(s: Statement, response: string): TurnKind | null {
  const verb = text(at(s, 'verb', 'id'));
  if (verb === VERBS.interacted.id) return ACTIONS.has(response) ? (response as TurnKind) : null;
  if (verb !== VERBS.answered.id) return null;
  if (response === '') return 'silence';
  return at(s, 'object', 'definition', 'interactionType') === 'choice' ? 'say' : 'free';
}

/** The lines a choice turn showed, in screen order: its shown ids read against the interaction's choices. */
function shownLines(s: Statement): string[] {
  const ids = at(s, 'context', 'extensions', EXTENSIONS.choicesShown);
  const choices = at(s, 'object', 'definition', 'choices');
  if (!Array.isArray(ids) || !Array.isArray(choices)) return [];
  const textOf = new Map(choices.filter(isObject).map((c) => [text(c.id), Object.values(isObject(c.description) ? c.description : {}).map(text)[0] ?? '']));
  return ids.flatMap((id) => (typeof id === 'string' && textOf.has(id) ? [textOf.get(id) as string] : []));
}

function toTurn(s: Statement): TranscriptTurn | null {
  const ext = (key: string) => at(s, 'result', 'extensions', key);
  const response = text(at(s, 'result', 'response'));
  const kind = turnKind(s, response);
  const turn = num(at(s, 'context', 'extensions', EXTENSIONS.turn));
  if (kind === null || turn === null) return null;
  const raw = num(at(s, 'result', 'score', 'raw'));
  const max = num(at(s, 'result', 'score', 'max'));
  const tags = ext(EXTENSIONS.tags);
  const faults = ext(EXTENSIONS.blockingFaults);
  return {
    turn,
    phase: text(at(s, 'context', 'extensions', EXTENSIONS.phase)),
    timestamp: text(s.timestamp),
    customer: text(ext(EXTENSIONS.customerText)),
    kind,
    text: text(ext(EXTENSIONS.transcriptText)),
    shown: shownLines(s),
    feedback: text(ext(EXTENSIONS.feedback)),
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    blockingFaults: Array.isArray(faults) ? faults.filter(isObject).map((f) => ({ tag: text(f.tag), label: text(f.label) })) : [],
    mood: num(ext(EXTENSIONS.mood)),
    score: raw !== null && max !== null ? { earned: raw, max } : null,
  };
}

function toEnd(s: Statement): TranscriptEnd | null {
  if (!END_VERBS.has(text(at(s, 'verb', 'id')))) return null;
  const ext = (key: string) => at(s, 'result', 'extensions', key);
  const outcome = text(ext(EXTENSIONS.outcome));
  if (!OUTCOMES.has(outcome)) return null;
  return {
    outcome: outcome as CallOutcome,
    text: text(ext(EXTENSIONS.feedback)),
    customer: text(ext(EXTENSIONS.customerText)),
    mood: num(ext(EXTENSIONS.mood)) ?? 0,
    timestamp: text(s.timestamp),
  };
}

/** A silence and the answer that follows it can share a turn number: the silence came first. */
function byCallOrder(a: TranscriptTurn, b: TranscriptTurn): number {
  if (a.turn !== b.turn) return a.turn - b.turn;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  return (a.kind === 'silence' ? 0 : 1) - (b.kind === 'silence' ? 0 : 1);
}

export function transcriptFromStatements(statements: readonly Statement[]): CallTranscript {
  const turns: TranscriptTurn[] = [];
  let end: TranscriptEnd | null = null;
  for (const s of statements) {
    const turn = toTurn(s);
    if (turn) turns.push(turn);
    const closing = turn ? null : toEnd(s);
    if (closing && (!end || closing.timestamp >= end.timestamp)) end = closing;
  }
  return { turns: turns.sort(byCallOrder), end };
}
