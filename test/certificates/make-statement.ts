/** Fixture builder for our statements: a default plus overrides (STYLE.md 12). */
import type { Statement } from '../../src/lrs/index.ts';
import { learnerAgent } from '../../src/server/xapi/actor.ts';
import { activityIds } from '../../src/server/xapi/activity-ids.ts';
import { ACTIVITY_TYPES, EXTENSIONS, profileCategory, VERBS, type VerbName } from '../../src/server/xapi/vocabulary.ts';

export const BASE_URL = 'http://tremplin.test';
const ids = activityIds(BASE_URL);

export interface StatementSpec {
  user?: string;
  verb?: VerbName;
  module?: string;
  item?: string;
  type?: string;
  scaled?: number;
  success?: boolean;
  competencies?: string[];
  competencyScores?: Record<string, number>;
  phaseScores?: Record<string, number>;
  /** A call's blocking-faults result extension. */
  blockingFaults?: Array<{ tag: string; code: string; label: string; turn: number }>;
  duration?: string;
  registration?: string;
  timestamp?: string;
  ours?: boolean;
}

let counter = 0;

export function makeStatement(spec: StatementSpec = {}): Statement {
  counter += 1;
  const module = spec.module ?? 'accueil-appels-entrants';
  const item = spec.item ?? 'quiz-accueil';
  const timestamp = spec.timestamp ?? new Date(Date.UTC(2026, 9, 1) + counter * 60_000).toISOString();
  const resultExtensions: Record<string, unknown> = {};
  if (spec.competencyScores) resultExtensions[EXTENSIONS.competencyScores] = spec.competencyScores;
  if (spec.phaseScores) resultExtensions[EXTENSIONS.phaseScores] = spec.phaseScores;
  if (spec.blockingFaults) resultExtensions[EXTENSIONS.blockingFaults] = spec.blockingFaults;
  const result: Record<string, unknown> = {};
  if (spec.scaled !== undefined) result.score = { scaled: spec.scaled };
  if (spec.success !== undefined) result.success = spec.success;
  if (spec.duration) result.duration = spec.duration;
  if (Object.keys(resultExtensions).length > 0) result.extensions = resultExtensions;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    actor: learnerAgent(BASE_URL, spec.user ?? 'u1'),
    verb: { id: VERBS[spec.verb ?? 'passed'].id },
    object: { objectType: 'Activity', id: ids.item(module, item), definition: { type: spec.type ?? ACTIVITY_TYPES.quiz } },
    ...(Object.keys(result).length > 0 ? { result } : {}),
    context: {
      registration: spec.registration ?? `00000000-0000-4000-9000-${String(counter).padStart(12, '0')}`,
      contextActivities: {
        parent: [{ id: ids.module(module) }],
        grouping: [{ id: ids.programme() }],
        ...(spec.ours === false ? {} : { category: [profileCategory()] }),
      },
      extensions: { [EXTENSIONS.competencies]: spec.competencies ?? ['CCP1.1'], [EXTENSIONS.courseVersion]: 'abc' },
    },
    timestamp,
    stored: timestamp,
    authority: { objectType: 'Agent', account: { homePage: BASE_URL, name: 'tremplin-lms' } },
    version: '1.0.3',
  };
}
