/**
 * Pure: the `format` parameter of GET /statements (xAPI Communication 2.1.3).
 *   exact     the statement as stored
 *   ids       agents/groups reduced to objectType + IFI (anonymous groups keep their members),
 *             activities to objectType + id, verbs to id
 *   canonical activity definitions replaced by the canonical one, language maps reduced to
 *             the best language for Accept-Language
 */
import { agentIfi } from '../agents/agent-ifi.ts';
import { isObject, type JsonObject } from '../types.ts';

export type StatementFormat = 'exact' | 'ids' | 'canonical';

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

function agentIds(agent: unknown): unknown {
  if (!isObject(agent)) return agent;
  const out: JsonObject = {};
  if (agent.objectType !== undefined) out.objectType = agent.objectType;
  for (const key of IFI_KEYS) if (agent[key] !== undefined) out[key] = agent[key];
  if (agentIfi(agent) === undefined && Array.isArray(agent.member)) out.member = agent.member.map(agentIds);
  return out;
}

function activityIds(activity: unknown): unknown {
  if (!isObject(activity)) return activity;
  return { id: activity.id };
}

type Mapper = (value: unknown) => unknown;

/** Rewrites the agents, activities and verbs of a statement (and its SubStatement). */
function mapParts(statement: JsonObject, agent: Mapper, activity: Mapper, verb: Mapper): JsonObject {
  const out: JsonObject = { ...statement };
  if (out.actor !== undefined) out.actor = agent(out.actor);
  if (out.authority !== undefined) out.authority = agent(out.authority);
  if (out.verb !== undefined) out.verb = verb(out.verb);
  const object = out.object;
  if (isObject(object)) {
    if (object.objectType === 'Agent' || object.objectType === 'Group') out.object = agent(object);
    else if (object.objectType === 'SubStatement') out.object = mapParts(object, agent, activity, verb);
    else if (object.objectType === undefined || object.objectType === 'Activity') out.object = activity(object);
  }
  if (isObject(out.context)) {
    const context: JsonObject = { ...out.context };
    if (context.instructor !== undefined) context.instructor = agent(context.instructor);
    if (context.team !== undefined) context.team = agent(context.team);
    if (Array.isArray(context.contextAgents)) {
      context.contextAgents = context.contextAgents.map((c) => (isObject(c) ? { ...c, agent: agent(c.agent) } : c));
    }
    if (Array.isArray(context.contextGroups)) {
      context.contextGroups = context.contextGroups.map((c) => (isObject(c) ? { ...c, group: agent(c.group) } : c));
    }
    if (isObject(context.contextActivities)) {
      const activities: JsonObject = {};
      for (const [key, list] of Object.entries(context.contextActivities)) {
        activities[key] = Array.isArray(list) ? list.map(activity) : activity(list);
      }
      context.contextActivities = activities;
    }
    out.context = context;
  }
  return out;
}

export function idsFormat(statement: JsonObject): JsonObject {
  return mapParts(statement, agentIds, activityIds, (verb) => (isObject(verb) ? { id: verb.id } : verb));
}

/** Parses Accept-Language into language tags, best first ("*" last). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((l) => l.tag && Number.isFinite(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/** Keeps the single best entry of a language map (xAPI: canonical format). */
export function pickLanguage(map: JsonObject, languages: readonly string[]): JsonObject {
  const keys = Object.keys(map);
  if (keys.length <= 1) return map;
  for (const wanted of languages) {
    if (wanted === '*') return { [keys[0]]: map[keys[0]] };
    const lower = wanted.toLowerCase();
    const exact = keys.find((k) => k.toLowerCase() === lower);
    if (exact) return { [exact]: map[exact] };
    const prefix = keys.find((k) => k.toLowerCase().split('-')[0] === lower.split('-')[0]);
    if (prefix) return { [prefix]: map[prefix] };
  }
  return { [keys[0]]: map[keys[0]] };
}

function reduceLanguageMaps(value: JsonObject, languages: readonly string[]): JsonObject {
  const out: JsonObject = { ...value };
  for (const key of ['name', 'description', 'display']) if (isObject(out[key])) out[key] = pickLanguage(out[key] as JsonObject, languages);
  for (const key of ['choices', 'scale', 'source', 'target', 'steps']) {
    const list = out[key];
    if (Array.isArray(list)) {
      out[key] = list.map((c) => (isObject(c) && isObject(c.description) ? { ...c, description: pickLanguage(c.description, languages) } : c));
    }
  }
  return out;
}

export function canonicalFormat(
  statement: JsonObject,
  definitions: ReadonlyMap<string, JsonObject>,
  languages: readonly string[],
): JsonObject {
  const activity: Mapper = (value) => {
    if (!isObject(value) || typeof value.id !== 'string') return value;
    const definition = definitions.get(value.id) ?? (isObject(value.definition) ? value.definition : undefined);
    return definition ? { ...value, definition: reduceLanguageMaps(definition, languages) } : value;
  };
  const verb: Mapper = (value) => (isObject(value) ? reduceLanguageMaps(value, languages) : value);
  return mapParts(statement, (agent) => agent, activity, verb);
}
