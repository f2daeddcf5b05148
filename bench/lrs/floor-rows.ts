/**
 * Pure: what the floor stores for one statement. The least an LRS must do: give it a stored id
 * and an authority, keep the whole JSON, and pull out the columns the benchmark's filters use
 * (actor, verb, object activity, registration, and the parent activity that
 * related_activities=true finds in the benchmark's statements).
 */
import { agentIfi } from '../../src/lrs/agents/agent-ifi.ts';

export interface FloorRow {
  sid: string;
  statementId: string;
  stored: string;
  refTarget: string | null;
  full: string;
  agent: string | null;
  verb: string | null;
  activity: string | null;
  registration: string | null;
  parent: string | null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const FLOOR_AUTHORITY = { objectType: 'Agent', name: 'floor', account: { homePage: 'http://floor', name: 'floor' } };

export function floorRow(statement: Json, sid: string, stored: string): FloorRow {
  const full = { ...statement, stored, authority: FLOOR_AUTHORITY };
  const object = obj(statement.object);
  const context = obj(statement.context);
  const parent = obj(obj(context.contextActivities).parent);
  const firstParent = Array.isArray(parent) ? obj(parent[0]) : parent;
  return {
    sid,
    statementId: String(statement.id).toLowerCase(),
    stored,
    refTarget: object.objectType === 'StatementRef' ? str(object.id) : null,
    full: JSON.stringify(full),
    agent: agentIfi(statement.actor) ?? null,
    verb: str(obj(statement.verb).id),
    activity: object.objectType === undefined || object.objectType === 'Activity' ? str(object.id) : null,
    registration: str(context.registration)?.toLowerCase() ?? null,
    parent: str(firstParent.id),
  };
}

/** The floor's table, the same on both databases; each filter column has an index in stored order. */
export const FLOOR_COLUMNS = ['agent', 'verb', 'activity', 'registration', 'parent'] as const;
export type FloorColumn = (typeof FLOOR_COLUMNS)[number];

export function floorSchema(): string[] {
  return [
    `create table if not exists floor_statement (sid text primary key, statement_id text not null unique, stored text not null,
      voided integer not null default 0, ref_target text, "full" text not null,
      agent text, verb text, activity text, registration text, parent text)`,
    'create index if not exists floor_statement_ref_target on floor_statement (ref_target)',
    ...FLOOR_COLUMNS.map((c) => `create index if not exists floor_statement_${c} on floor_statement (${c}, sid)`),
  ];
}

/** A floor query: equality on some columns, a stored-id range, a page. */
export interface FloorQuery {
  where: Array<[FloorColumn, string]>;
  from?: string;
  after?: string;
  limit: number;
}

/** The SQL of a floor query with `?` placeholders (PostgreSQL numbers them, see toDollar). */
export function floorSql(q: FloorQuery): { text: string; params: unknown[] } {
  const where = ['voided = 0'];
  const params: unknown[] = [];
  for (const [column, value] of q.where) (where.push(`${column} = ?`), params.push(value));
  if (q.from !== undefined) (where.push('sid >= ?'), params.push(q.from));
  if (q.after !== undefined) (where.push('sid < ?'), params.push(q.after));
  params.push(q.limit + 1);
  return { text: `select sid, "full" from floor_statement where ${where.join(' and ')} order by sid desc limit ?`, params };
}

export function toDollar(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
