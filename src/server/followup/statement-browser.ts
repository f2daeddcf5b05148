import type { Request } from 'express';
import type { StatementQuery } from '../../lrs/index.ts';
import { BadRequestError } from '../errors.ts';
import { learnerAgent } from '../xapi/actor.ts';
import { parisMidnightUtc, addDays } from './paris-date.ts';
import { dayParam, param } from './query-params.ts';

export const PAGE_SIZE = 25;

export interface BrowserFilters {
  learner?: string;
  verb?: string;
  activity?: string;
  from?: string;
  to?: string;
  more?: string;
}

const IRI = /^https?:\/\/\S+$/;

/** Reads and checks the browser's query string; a bad value is a translated 400. */
export function readFilters(query: Request['query']): BrowserFilters {
  const filters: BrowserFilters = {
    learner: param(query, 'learner'),
    verb: param(query, 'verb'),
    activity: param(query, 'activity'),
    from: dayParam(query, 'from'),
    to: dayParam(query, 'to'),
    more: param(query, 'more'),
  };
  if (filters.verb && !IRI.test(filters.verb)) throw new BadRequestError('followup.statements.errors.verb', { verb: 'followup.statements.errors.verb' });
  if (filters.activity && !IRI.test(filters.activity)) throw new BadRequestError('followup.statements.errors.activity', { activity: 'followup.statements.errors.activity' });
  if (filters.from && filters.to && filters.to < filters.from) throw new BadRequestError('followup.errors.badRange', { to: 'followup.errors.badRange' });
  if (filters.more && !/^[A-Za-z0-9_-]{1,4000}$/.test(filters.more)) throw new BadRequestError('followup.statements.errors.more');
  return filters;
}

/**
 * The LRS query for the filters: by actor, verb, activity (including statements whose context
 * names it, so a module shows its items' statements too) and the Paris days recorded.
 */
export function lrsQuery(filters: BrowserFilters, baseUrl: string): StatementQuery {
  if (filters.more) return { cursor: filters.more };
  return {
    ...(filters.learner ? { agent: learnerAgent(baseUrl, filters.learner) } : {}),
    ...(filters.verb ? { verb: filters.verb } : {}),
    ...(filters.activity ? { activity: filters.activity, related_activities: true } : {}),
    ...(filters.from ? { since: new Date(parisMidnightUtc(filters.from) - 1).toISOString() } : {}),
    ...(filters.to ? { until: new Date(parisMidnightUtc(addDays(filters.to, 1)) - 1).toISOString() } : {}),
    limit: PAGE_SIZE,
  };
}

/** The query string of the same filters (for the next-page link and the form). */
export function filterQueryString(filters: BrowserFilters, more?: string): string {
  const params = new URLSearchParams();
  for (const key of ['learner', 'verb', 'activity', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (more) params.set('more', more);
  return params.toString();
}
