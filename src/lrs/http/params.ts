/** Shared checks of xAPI query parameters. */
import { agentIfi, parseAgentParam } from '../agents/agent-ifi.ts';
import { badRequest } from '../errors.ts';
import { isObject, type Agent } from '../types.ts';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

export function onlyParams(params: Map<string, string>, allowed: readonly string[]): void {
  for (const key of params.keys()) if (!allowed.includes(key)) throw badRequest(`Unknown parameter ${key}`);
}

export function requiredParam(params: Map<string, string>, name: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') throw badRequest(`Missing parameter ${name}`);
  return value;
}

export function timestampParam(params: Map<string, string>, name: string): string | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!TIMESTAMP.test(value) || !Number.isFinite(ms)) throw badRequest(`${name} must be an ISO 8601 timestamp with a time zone`);
  return new Date(ms).toISOString();
}

/** An `agent` parameter: JSON, exactly one IFI, well-formed enough to identify someone. */
export function agentParam(params: Map<string, string>, name = 'agent'): { agent: Agent; ifi: string } {
  const raw = requiredParam(params, name);
  const agent = parseAgentParam(raw);
  if (!agent) throw badRequest(`${name} must be a JSON Agent object`);
  const ifiCount = IFI_KEYS.filter((k) => (agent as Record<string, unknown>)[k] !== undefined).length;
  if (ifiCount !== 1) throw badRequest(`${name} must have exactly one inverse functional identifier`);
  if (agent.objectType !== undefined && agent.objectType !== 'Agent' && agent.objectType !== 'Group') {
    throw badRequest(`${name}.objectType must be Agent or Group`);
  }
  if (agent.mbox !== undefined && (typeof agent.mbox !== 'string' || !agent.mbox.startsWith('mailto:'))) {
    throw badRequest(`${name}.mbox must be a mailto: IRI`);
  }
  if (agent.account !== undefined && (!isObject(agent.account) || typeof agent.account.homePage !== 'string' || typeof agent.account.name !== 'string')) {
    throw badRequest(`${name}.account needs homePage and name`);
  }
  const ifi = agentIfi(agent);
  if (!ifi) throw badRequest(`${name} must identify an Agent`);
  return { agent, ifi };
}
