/** The call review page's data: a call's statements, its transcript, scores and timings. Pure. */
import type { Statement } from '../../lrs/index.ts';
import type { CallTranscript } from '../calls/call-transcript.ts';
import { durationSeconds, objectId, objectType, phaseScores, scaledScore, timestampOf, verbId } from '../evidence/statement-fields.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS } from '../xapi/vocabulary.ts';
import { field } from './statement-reading.ts';

const END_VERBS = new Set<string>([VERBS.passed.id, VERBS.failed.id, VERBS.completed.id, VERBS.abandoned.id]);

export interface CallFacts {
  /** The role-play item's activity IRI, from the closing statement (null while the call is open). */
  itemActivityId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  scaled: number | null;
  durationSeconds: number | null;
  phaseScores: Array<{ phase: string; scaled: number }>;
  indicators: { ahtSeconds: number | null; targetSeconds: number | null; fcr: boolean | null; csat: number | null };
  outcome: string | null;
  /** Eliminatory faults named by the closing statement (docs/xapi-profile.md): the call failed whatever its score. */
  blockingFaults: Array<{ tag: string; label: string }>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The facts of a call, read from its closing statement (and its turns for when it started). */
export function callFacts(statements: readonly Statement[]): CallFacts {
  const closing = statements
    .filter((s) => END_VERBS.has(verbId(s)) && objectType(s) === ACTIVITY_TYPES.roleplay)
    .sort((a, b) => (timestampOf(a) < timestampOf(b) ? 1 : -1))[0];
  const times = statements.map(timestampOf).sort();
  const indicators = field(field(closing?.result, 'extensions'), EXTENSIONS.indicators);
  const fcr = field(indicators, 'fcr');
  const outcome = field(field(closing?.result, 'extensions'), EXTENSIONS.outcome);
  const duration = closing ? durationSeconds(closing) : null;
  const endedAt = closing ? timestampOf(closing) : null;
  const startedAt = endedAt && duration ? new Date(Date.parse(endedAt) - duration * 1000).toISOString() : (times[0] ?? null);
  return {
    itemActivityId: closing ? objectId(closing) : null,
    startedAt,
    endedAt,
    scaled: closing ? scaledScore(closing) : null,
    durationSeconds: duration,
    phaseScores: closing ? [...phaseScores(closing)].map(([phase, scaled]) => ({ phase, scaled })) : [],
    indicators: { ahtSeconds: num(field(indicators, 'ahtSeconds')), targetSeconds: num(field(indicators, 'targetSeconds')), fcr: typeof fcr === 'boolean' ? fcr : null, csat: num(field(indicators, 'csat')) },
    outcome: typeof outcome === 'string' ? outcome : null,
    blockingFaults: faultsOf(field(field(closing?.result, 'extensions'), EXTENSIONS.blockingFaults)),
  };
}

function faultsOf(value: unknown): CallFacts['blockingFaults'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f) => {
    const tag = field(f, 'tag');
    const label = field(f, 'label');
    return typeof tag === 'string' && typeof label === 'string' ? [{ tag, label }] : [];
  });
}

/** Seconds from the start of the call, written m:ss. */
export function callClock(startedAt: string | null, at: string): string {
  if (!startedAt) return '';
  const s = Math.max(0, Math.round((Date.parse(at) - Date.parse(startedAt)) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export type { CallTranscript };
