import type { ActivityIds } from '../../xapi/activity-ids.ts';
import { ACTIVITY_TYPES } from '../../xapi/vocabulary.ts';
import type { ModuleItem, ModuleVersion } from '../../courses/format/types.ts';

/** An xAPI Activity object as the player writes it. */
export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition: { type: string; name: Record<string, string>; description?: Record<string, string> } & Record<string, unknown>;
}

const ITEM_TYPES: Record<ModuleItem['type'], string> = {
  lesson: ACTIVITY_TYPES.lesson,
  quiz: ACTIVITY_TYPES.quiz,
  exercise: ACTIVITY_TYPES.exercise,
  roleplay: ACTIVITY_TYPES.roleplay,
};

/** Course content is written in French; the language map says so. */
export const fr = (text: string): Record<string, string> => ({ fr: text });

export function programmeActivity(ids: ActivityIds): XapiActivity {
  return { objectType: 'Activity', id: ids.programme(), definition: { type: ACTIVITY_TYPES.programme, name: { fr: 'Conseiller relation client à distance', en: 'Remote customer relations adviser' } } };
}

export function moduleActivity(ids: ActivityIds, module: Pick<ModuleVersion, 'id' | 'title'>): XapiActivity {
  return { objectType: 'Activity', id: ids.module(module.id), definition: { type: ACTIVITY_TYPES.module, name: fr(module.title) } };
}

export function itemActivity(ids: ActivityIds, moduleId: string, item: Pick<ModuleItem, 'id' | 'title' | 'type'>): XapiActivity {
  return { objectType: 'Activity', id: ids.item(moduleId, item.id), definition: { type: ITEM_TYPES[item.type], name: fr(item.title) } };
}

export function lessonPageActivity(ids: ActivityIds, moduleId: string, itemId: string, pageIndex: number, title: string): XapiActivity {
  return {
    objectType: 'Activity',
    id: ids.part(moduleId, itemId, `page-${pageIndex + 1}`),
    definition: { type: ACTIVITY_TYPES.lessonPage, name: fr(title || `Page ${pageIndex + 1}`) },
  };
}

/** A question, a form field or a request to classify: a cmi.interaction with its definition. */
export function interactionActivity(ids: ActivityIds, moduleId: string, itemId: string, partId: string, name: string, interaction: Record<string, unknown>): XapiActivity {
  return {
    objectType: 'Activity',
    id: ids.part(moduleId, itemId, partId),
    definition: { type: ACTIVITY_TYPES.question, name: fr(name), description: fr(name), ...interaction },
  };
}
