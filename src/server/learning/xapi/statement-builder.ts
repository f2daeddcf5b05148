import crypto from 'node:crypto';
import { learnerAgent } from '../../xapi/actor.ts';
import { EXTENSIONS, profileCategory, VERBS, type VerbName } from '../../xapi/vocabulary.ts';
import type { XapiActivity } from './activities.ts';

/** What every statement of one attempt shares (DESIGN.md, wave 2 contract). */
export interface AttemptContext {
  baseUrl: string;
  userId: string;
  /** One per attempt. */
  registration: string;
  module: XapiActivity;
  programme: XapiActivity;
  /** Extra grouping, e.g. the item a question belongs to. */
  grouping?: XapiActivity[];
  /** Absent on module-level statements: the module is then the object, not the parent. */
  withParent: boolean;
  courseVersionHash: string;
  competencies: readonly string[];
  attemptNumber?: number;
}

export interface XapiResult {
  score?: { scaled: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

/** Pure: one statement, ready for storeStatements. */
export function buildStatement(c: AttemptContext, verb: VerbName, object: XapiActivity, timestamp: string, result?: XapiResult): Record<string, unknown> {
  const contextActivities: Record<string, unknown> = {
    grouping: [c.programme, ...(c.grouping ?? [])],
    category: [profileCategory()],
  };
  if (c.withParent) contextActivities.parent = [c.module];
  const extensions: Record<string, unknown> = { [EXTENSIONS.competencies]: [...c.competencies], [EXTENSIONS.courseVersion]: c.courseVersionHash };
  if (c.attemptNumber !== undefined) extensions[EXTENSIONS.attempt] = c.attemptNumber;
  return {
    id: crypto.randomUUID(),
    actor: learnerAgent(c.baseUrl, c.userId),
    verb: { id: VERBS[verb].id, display: { 'fr-FR': VERBS[verb].fr, 'en-US': VERBS[verb].en } },
    object,
    ...(result ? { result } : {}),
    context: { registration: c.registration, contextActivities, extensions, language: 'fr-FR' },
    timestamp,
  };
}

/** Seconds as an ISO 8601 duration, e.g. 75.5 -> "PT1M15.5S". */
export function isoDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds * 100) / 100);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = Math.round((s % 60) * 100) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}

/** ISO 8601 duration (PnDTnHnMnS, weeks) -> seconds; 0 when it cannot be read. */
export function durationSeconds(duration: unknown): number {
  if (typeof duration !== 'string') return 0;
  const m = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!m) return 0;
  const [w, d, h, min, s] = m.slice(1).map((v) => (v ? Number(v) : 0));
  return w * 604800 + d * 86400 + h * 3600 + min * 60 + s;
}
