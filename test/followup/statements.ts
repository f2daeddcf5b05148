import crypto from 'node:crypto';
import { activityIds } from '../../src/server/xapi/activity-ids.ts';
import { learnerAgent } from '../../src/server/xapi/actor.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS, profileCategory, type VerbName } from '../../src/server/xapi/vocabulary.ts';
import { TEST_BASE_URL } from '../helpers/app.ts';

export interface StatementSpec {
  userId: string;
  verb: VerbName;
  moduleId?: string;
  itemId?: string;
  partId?: string;
  type?: keyof typeof ACTIVITY_TYPES;
  name?: string;
  registration?: string;
  timestamp?: string;
  competencies?: string[];
  result?: Record<string, unknown>;
}

/** One of our statements, as the players write them (wave2.md): a default plus overrides. */
export function ourStatement(spec: StatementSpec, baseUrl = TEST_BASE_URL): Record<string, unknown> {
  const ids = activityIds(baseUrl);
  const moduleId = spec.moduleId ?? 'accueil';
  const objectId = spec.partId ? ids.part(moduleId, spec.itemId ?? 'quiz', spec.partId) : spec.itemId ? ids.item(moduleId, spec.itemId) : ids.module(moduleId);
  return {
    id: crypto.randomUUID(),
    actor: learnerAgent(baseUrl, spec.userId),
    verb: { id: VERBS[spec.verb].id, display: { 'fr-FR': VERBS[spec.verb].fr, 'en-US': VERBS[spec.verb].en } },
    object: {
      objectType: 'Activity',
      id: objectId,
      definition: { type: ACTIVITY_TYPES[spec.type ?? 'quiz'], name: { 'fr-FR': spec.name ?? 'Activité' } },
    },
    ...(spec.result ? { result: spec.result } : {}),
    context: {
      registration: spec.registration ?? crypto.randomUUID(),
      contextActivities: {
        parent: [{ objectType: 'Activity', id: ids.module(moduleId) }],
        grouping: [{ objectType: 'Activity', id: ids.programme() }],
        category: [profileCategory()],
      },
      extensions: { [EXTENSIONS.competencies]: spec.competencies ?? ['CCP1.1'], [EXTENSIONS.courseVersion]: 'abc123' },
    },
    ...(spec.timestamp ? { timestamp: spec.timestamp } : {}),
  };
}
