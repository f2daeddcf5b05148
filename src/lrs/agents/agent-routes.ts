/** GET /agents (Communication 2.4): the Person object for an Agent. */
import { Router } from 'express';
import { requirePermission } from '../http/authenticate.ts';
import { agentParam, onlyParams } from '../http/params.ts';
import { xapiOf } from '../http/xapi-context.ts';
import type { Agent } from '../types.ts';

/** Pure: the Person this LRS knows for an agent. It keeps no identity links, so it is the agent itself. */
export function personOf(agent: Agent): Record<string, unknown> {
  const person: Record<string, unknown> = { objectType: 'Person' };
  if (agent.name !== undefined) person.name = [agent.name];
  for (const key of ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const) {
    if (agent[key] !== undefined) person[key] = [agent[key]];
  }
  return person;
}

export function agentRoutes(): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    requirePermission(res, 'definitions:read');
    const params = xapiOf(res).params;
    onlyParams(params, ['agent']);
    res.json(personOf(agentParam(params).agent));
  });
  return router;
}
