/**
 * Pure: the index terms of a statement. Every statement query is an intersection of terms
 * (lrs_statement_term rows) plus a stored-id range, so one indexed shape serves all filters.
 *   agent:<ifi>   actor or object (xAPI `agent` filter); group members count as the group
 *   ragent:<ifi>  anywhere (related_agents=true): also authority, instructor, team, SubStatement
 *   act:<id>      the object activity (`activity` filter)
 *   ract:<id>     any activity, context activities and SubStatement included (related_activities)
 *   verb:<id>, reg:<uuid>, auth:<ifi> (statements/read/mine)
 */
import { agentIfi, groupMembers } from '../agents/agent-ifi.ts';
import { storableKey } from '../storage/dialect.ts';
import { isObject, type JsonObject } from '../types.ts';

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

export const term = {
  agent: (ifi: string) => `agent:${storableKey(ifi)}`,
  relatedAgent: (ifi: string) => `ragent:${storableKey(ifi)}`,
  activity: (id: string) => `act:${storableKey(id)}`,
  relatedActivity: (id: string) => `ract:${storableKey(id)}`,
  verb: (id: string) => `verb:${storableKey(id)}`,
  registration: (id: string) => `reg:${storableKey(id.toLowerCase())}`,
  authority: (ifi: string) => `auth:${storableKey(ifi)}`,
};

/** The ifis of an agent or group and of its members. */
function actorIfis(actor: unknown): string[] {
  const own = agentIfi(actor);
  const members = groupMembers(actor).map(agentIfi);
  return [own, ...members].filter((ifi): ifi is string => ifi !== undefined);
}

function isAgentLike(value: unknown): boolean {
  return isObject(value) && (value.objectType === 'Agent' || value.objectType === 'Group');
}

function contextActivityIds(context: unknown): string[] {
  if (!isObject(context) || !isObject(context.contextActivities)) return [];
  const ids: string[] = [];
  for (const list of Object.values(context.contextActivities)) {
    const items = Array.isArray(list) ? list : [list];
    for (const item of items) if (isObject(item) && typeof item.id === 'string') ids.push(item.id);
  }
  return ids;
}

function contextAgents(context: unknown): unknown[] {
  if (!isObject(context)) return [];
  const agents: unknown[] = [context.instructor, context.team];
  // xAPI 2.0 contextAgents / contextGroups
  if (Array.isArray(context.contextAgents)) for (const c of context.contextAgents) if (isObject(c)) agents.push(c.agent);
  if (Array.isArray(context.contextGroups)) for (const c of context.contextGroups) if (isObject(c)) agents.push(c.group);
  return agents;
}

/** Terms a statement (or SubStatement) contributes by itself. */
export function ownTerms(statement: JsonObject): string[] {
  const terms = new Set<string>();
  const verb = isObject(statement.verb) ? statement.verb.id : undefined;
  if (typeof verb === 'string') terms.add(term.verb(verb));
  for (const ifi of actorIfis(statement.actor)) terms.add(term.agent(ifi));
  const object = statement.object;
  if (isObject(object)) {
    if (isAgentLike(object)) for (const ifi of actorIfis(object)) terms.add(term.agent(ifi));
    else if (object.objectType === undefined || object.objectType === 'Activity') {
      if (typeof object.id === 'string') {
        terms.add(term.activity(object.id));
        terms.add(term.relatedActivity(object.id));
      }
    } else if (object.objectType === 'SubStatement') {
      for (const t of ownTerms(object)) {
        if (t.startsWith('agent:')) terms.add(term.relatedAgent(t.slice('agent:'.length)));
        else if (t.startsWith('act:')) terms.add(term.relatedActivity(t.slice('act:'.length)));
        else if (t.startsWith('ragent:') || t.startsWith('ract:')) terms.add(t);
      }
    }
  }
  for (const t of [...terms]) if (t.startsWith('agent:')) terms.add(term.relatedAgent(t.slice('agent:'.length)));
  const context = statement.context;
  for (const agent of contextAgents(context)) for (const ifi of actorIfis(agent)) terms.add(term.relatedAgent(ifi));
  for (const id of contextActivityIds(context)) terms.add(term.relatedActivity(id));
  if (isObject(context) && typeof context.registration === 'string') terms.add(term.registration(context.registration));
  for (const ifi of actorIfis(statement.authority)) {
    terms.add(term.relatedAgent(ifi));
    terms.add(term.authority(ifi));
  }
  return [...terms];
}

/** Terms a statement passes on to the statements that target it through a StatementRef. */
export function inheritableTerms(terms: readonly string[]): string[] {
  return terms.filter((t) => !t.startsWith('auth:'));
}

/** The id a StatementRef object points at, if the statement's object is one. */
export function statementRefTarget(statement: JsonObject): string | undefined {
  const object = statement.object;
  return isObject(object) && object.objectType === 'StatementRef' && typeof object.id === 'string'
    ? object.id.toLowerCase()
    : undefined;
}

export function isVoiding(statement: JsonObject): boolean {
  return isObject(statement.verb) && statement.verb.id === VOIDED_VERB && statementRefTarget(statement) !== undefined;
}
