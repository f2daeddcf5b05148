/**
 * Pure: turns statement query parameters into a plan the repository runs as one indexed query:
 * an intersection of terms (most selective first) and a range of stored ids.
 */
import { agentIfi } from '../agents/agent-ifi.ts';
import { badRequest } from '../errors.ts';
import { lowestStoredIdAt } from '../storage/stored-id.ts';
import type { Agent } from '../types.ts';
import { term } from './statement-terms.ts';

export interface StatementQuery {
  agent?: Agent;
  verb?: string;
  activity?: string;
  registration?: string;
  related_activities?: boolean;
  related_agents?: boolean;
  since?: string;
  until?: string;
  limit?: number;
  ascending?: boolean;
  cursor?: string;
}

export interface QueryPlan {
  /** Every term must match; terms[0] drives the query. */
  terms: string[];
  /** Stored ids >= from (since) and < to (until). */
  from?: string;
  to?: string;
  /** The last id of the previous page (exclusive, in the paging direction). */
  after?: string;
  ascending: boolean;
  limit: number;
}

export const MAX_PAGE = 500;

// Rough selectivity, most selective first: a registration or an agent matches few statements,
// a verb matches many.
const SELECTIVITY = ['reg:', 'auth:', 'agent:', 'act:', 'ragent:', 'ract:', 'verb:'];
const rank = (t: string): number => SELECTIVITY.findIndex((prefix) => t.startsWith(prefix));

function timeBound(value: string, name: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw badRequest(`${name} must be an ISO 8601 timestamp`);
  // stored times have ms precision: stored > since  <=>  stored_ms > floor(since_ms)
  return Math.floor(ms);
}

export function planQuery(query: StatementQuery, extraTerms: readonly string[] = []): QueryPlan {
  if (query.cursor !== undefined) return decodeCursor(query.cursor, extraTerms);
  const terms = new Set<string>(extraTerms);
  if (query.agent !== undefined) {
    const ifi = agentIfi(query.agent);
    if (!ifi) throw badRequest('agent must be an Agent or identified Group with one inverse functional identifier');
    terms.add(query.related_agents ? term.relatedAgent(ifi) : term.agent(ifi));
  }
  if (query.verb !== undefined) terms.add(term.verb(query.verb));
  if (query.activity !== undefined) {
    terms.add(query.related_activities ? term.relatedActivity(query.activity) : term.activity(query.activity));
  }
  if (query.registration !== undefined) terms.add(term.registration(query.registration));
  const limit = query.limit === undefined || query.limit === 0 ? MAX_PAGE : Math.min(query.limit, MAX_PAGE);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest('limit must be a non-negative integer');
  return {
    terms: [...terms].sort((a, b) => rank(a) - rank(b)),
    from: query.since !== undefined ? lowestStoredIdAt(timeBound(query.since, 'since') + 1) : undefined,
    to: query.until !== undefined ? lowestStoredIdAt(timeBound(query.until, 'until') + 1) : undefined,
    ascending: query.ascending === true,
    limit,
  };
}

/** The plan for the page after `lastSid`. */
export function nextPagePlan(plan: QueryPlan, lastSid: string): QueryPlan {
  return { ...plan, after: lastSid };
}

export function encodeCursor(plan: QueryPlan): string {
  return Buffer.from(JSON.stringify(plan)).toString('base64url');
}

const isString = (v: unknown): v is string => typeof v === 'string';
const optionalString = (v: unknown): boolean => v === undefined || isString(v);

function decodeCursor(cursor: string, extraTerms: readonly string[]): QueryPlan {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('more: unknown or expired cursor');
  }
  const p = value as Partial<QueryPlan> | null;
  if (
    !p ||
    !Array.isArray(p.terms) ||
    !p.terms.every(isString) ||
    !optionalString(p.from) ||
    !optionalString(p.to) ||
    !optionalString(p.after) ||
    typeof p.ascending !== 'boolean' ||
    typeof p.limit !== 'number' ||
    !Number.isInteger(p.limit) ||
    p.limit < 1 ||
    p.limit > MAX_PAGE
  ) {
    throw badRequest('more: unknown or expired cursor');
  }
  // A reader limited to its own statements cannot widen a cursor by editing it.
  const terms = [...new Set([...p.terms, ...extraTerms])].sort((a, b) => rank(a) - rank(b));
  return { terms, from: p.from, to: p.to, after: p.after, ascending: p.ascending, limit: p.limit };
}
