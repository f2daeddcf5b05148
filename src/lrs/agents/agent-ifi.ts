import type { Agent } from '../types.ts';
import { isObject } from '../types.ts';

/**
 * The one string that identifies an Agent or identified Group (xAPI Data 2.4.2.3: IFIs).
 * Agents and Groups with the same IFI are different actors, so the objectType is part of it.
 * Returns undefined for anonymous groups.
 */
export function agentIfi(agent: unknown): string | undefined {
  if (!isObject(agent)) return undefined;
  const kind = agent.objectType === 'Group' ? 'group' : 'agent';
  if (typeof agent.mbox === 'string') return `${kind}|mbox|${agent.mbox}`;
  if (typeof agent.mbox_sha1sum === 'string') return `${kind}|sha1|${agent.mbox_sha1sum.toLowerCase()}`;
  if (typeof agent.openid === 'string') return `${kind}|openid|${agent.openid}`;
  if (isObject(agent.account) && typeof agent.account.homePage === 'string' && typeof agent.account.name === 'string') {
    return `${kind}|account|${agent.account.homePage}|${agent.account.name}`;
  }
  return undefined;
}

/** Parses the JSON `agent` query parameter of the document and agents resources. */
export function parseAgentParam(raw: unknown): Agent | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isObject(value) ? (value as Agent) : undefined;
  } catch {
    return undefined;
  }
}

/** Members of a group (empty for an agent), as the Person/related_agents logic needs them. */
export function groupMembers(agent: unknown): unknown[] {
  return isObject(agent) && Array.isArray(agent.member) ? agent.member : [];
}
