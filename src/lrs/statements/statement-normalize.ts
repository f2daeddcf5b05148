/**
 * Pure: the form in which the LRS stores a statement. xAPI Data 2.4.6.2: a single context
 * activity is returned inside an array.
 */
import { isObject, type JsonObject } from '../types.ts';

function normaliseContext(context: unknown): unknown {
  if (!isObject(context) || !isObject(context.contextActivities)) return context;
  const activities: JsonObject = {};
  for (const [key, value] of Object.entries(context.contextActivities)) activities[key] = Array.isArray(value) ? value : [value];
  return { ...context, contextActivities: activities };
}

export function normaliseStatement<T extends JsonObject>(statement: T): T {
  const out: JsonObject = { ...statement };
  if (out.context !== undefined) out.context = normaliseContext(out.context);
  if (isObject(out.object) && out.object.objectType === 'SubStatement') out.object = normaliseStatement(out.object);
  return out as T;
}
