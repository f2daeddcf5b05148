/**
 * Pure: the canonical activity definitions. The LRS keeps, per activity id, the merge of every
 * definition it has seen: language maps are merged key by key, other properties take the latest.
 */
import { isObject, type JsonObject } from '../types.ts';

const LANGUAGE_MAPS = ['name', 'description'];

function activitiesIn(statement: JsonObject, out: JsonObject[]): void {
  const object = statement.object;
  if (isObject(object)) {
    if ((object.objectType === undefined || object.objectType === 'Activity') && typeof object.id === 'string') out.push(object);
    if (object.objectType === 'SubStatement') activitiesIn(object, out);
  }
  const context = statement.context;
  if (isObject(context) && isObject(context.contextActivities)) {
    for (const list of Object.values(context.contextActivities)) {
      for (const item of Array.isArray(list) ? list : [list]) if (isObject(item) && typeof item.id === 'string') out.push(item);
    }
  }
}

/** Every activity object (with its id) a statement mentions, in order. */
export function activitiesOf(statement: JsonObject): JsonObject[] {
  const out: JsonObject[] = [];
  activitiesIn(statement, out);
  return out;
}

export function mergeDefinitions(current: JsonObject | undefined, incoming: JsonObject): JsonObject {
  const merged: JsonObject = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(incoming)) {
    const previous = merged[key];
    merged[key] = LANGUAGE_MAPS.includes(key) && isObject(previous) && isObject(value) ? { ...previous, ...value } : value;
  }
  return merged;
}

/** Folds the definitions found in statements into `known` (activity id -> definition); returns the ids that changed. */
export function foldDefinitions(known: Map<string, JsonObject>, statements: readonly JsonObject[]): Set<string> {
  const changed = new Set<string>();
  for (const statement of statements) {
    for (const activity of activitiesOf(statement)) {
      if (!isObject(activity.definition)) continue;
      const id = activity.id as string;
      const before = known.get(id);
      const after = mergeDefinitions(before, activity.definition);
      if (before === undefined || JSON.stringify(before) !== JSON.stringify(after)) {
        known.set(id, after);
        changed.add(id);
      }
    }
  }
  return changed;
}
