/** HTTP presenter of the Statement resource (xAPI Communication 2.1). */
import { Router, type Request, type Response } from 'express';
import { agentIfi, parseAgentParam } from '../agents/agent-ifi.ts';
import { readsOnlyOwnStatements } from '../credentials/scopes.ts';
import { badRequest, notFound } from '../errors.ts';
import { requirePermission } from '../http/authenticate.ts';
import { buildMultipart, type Part } from '../http/multipart.ts';
import { xapiOf } from '../http/xapi-context.ts';
import { timestampParam, UUID_PATTERN } from '../http/params.ts';
import { isObject, type JsonObject } from '../types.ts';
import { attachmentsOf } from './attachments.ts';
import type { StatementQuery } from './query-plan.ts';
import { readStatementBody } from './statement-body.ts';
import { acceptedLanguages, canonicalFormat, idsFormat, type StatementFormat } from './statement-format.ts';
import type { LrsService } from './statement-service.ts';
import { term } from './statement-terms.ts';
import { activitiesOf } from '../activities/activity-definitions.ts';

const QUERY_PARAMS = new Set([
  'agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents',
  'since', 'until', 'limit', 'format', 'attachments', 'ascending', 'more',
]);
const SINGLE_PARAMS = new Set(['statementId', 'voidedStatementId', 'format', 'attachments']);

function booleanParam(params: Map<string, string>, name: string): boolean | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw badRequest(`${name} must be true or false`);
  return value === 'true';
}

function formatParam(params: Map<string, string>): StatementFormat {
  const value = params.get('format') ?? 'exact';
  if (value !== 'exact' && value !== 'ids' && value !== 'canonical') throw badRequest('format must be exact, ids or canonical');
  return value;
}

export function parseStatementQuery(params: Map<string, string>): StatementQuery {
  for (const key of params.keys()) if (!QUERY_PARAMS.has(key)) throw badRequest(`Unknown parameter ${key}`);
  const more = params.get('more');
  if (more !== undefined) return { cursor: more };
  const query: StatementQuery = {};
  if (params.has('agent')) {
    const agent = parseAgentParam(params.get('agent'));
    if (!agent || !agentIfi(agent)) throw badRequest('agent must be a JSON Agent or identified Group');
    query.agent = agent;
  }
  const verb = params.get('verb');
  if (verb !== undefined) query.verb = verb;
  const activity = params.get('activity');
  if (activity !== undefined) query.activity = activity;
  const registration = params.get('registration');
  if (registration !== undefined) {
    if (!UUID_PATTERN.test(registration)) throw badRequest('registration must be a UUID');
    query.registration = registration;
  }
  query.related_activities = booleanParam(params, 'related_activities');
  query.related_agents = booleanParam(params, 'related_agents');
  query.ascending = booleanParam(params, 'ascending');
  query.since = timestampParam(params, 'since');
  query.until = timestampParam(params, 'until');
  const limit = params.get('limit');
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit)) throw badRequest('limit must be a non-negative integer');
    query.limit = Number(limit);
  }
  return query;
}

export function statementRoutes(service: LrsService, limit: number, clock: () => Date): Router {
  const router = Router();

  const formatted = async (fulls: string[], format: StatementFormat, req: Request): Promise<string[]> => {
    if (format === 'exact') return fulls;
    const statements = fulls.map((f) => JSON.parse(f) as JsonObject);
    if (format === 'ids') return statements.map((s) => JSON.stringify(idsFormat(s)));
    const definitions = await service.definitions(statements.flatMap((s) => activitiesOf(s).map((a) => a.id as string)));
    const languages = acceptedLanguages(req.header('accept-language'));
    return statements.map((s) => JSON.stringify(canonicalFormat(s, definitions, languages)));
  };

  async function send(req: Request, res: Response, json: string, fulls: string[], withAttachments: boolean): Promise<void> {
    if (!withAttachments) {
      res.type('application/json; charset=utf-8').send(json);
      return;
    }
    const hashes = fulls.flatMap((f) => attachmentsOf(JSON.parse(f) as JsonObject).map((a) => String(a.sha2 ?? '')));
    const contents = await service.attachments(hashes.filter(Boolean));
    const parts: Part[] = [
      { headers: { 'Content-Type': 'application/json' }, body: Buffer.from(json) },
      ...contents.map((a) => ({
        headers: { 'Content-Type': a.contentType, 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': a.sha2 },
        body: a.content,
      })),
    ];
    const multipart = buildMultipart(parts);
    res.setHeader('Content-Type', multipart.contentType);
    res.send(multipart.body);
  }

  router.get('/', async (req, res) => {
    // Communication 2.1.3: on every GET answer, errors included.
    res.setHeader('X-Experience-API-Consistent-Through', clock().toISOString());
    requirePermission(res, 'statements:read');
    const context = xapiOf(res);
    const params = context.params;
    const credential = context.credential;
    const mine = credential && readsOnlyOwnStatements(credential.scopes) && context.authority
      ? [term.authority(agentIfi(context.authority) as string)]
      : [];
    const format = formatParam(params);
    const withAttachments = booleanParam(params, 'attachments') === true;
    const id = params.get('statementId');
    const voidedId = params.get('voidedStatementId');
    if (id !== undefined || voidedId !== undefined) {
      for (const key of params.keys()) if (!SINGLE_PARAMS.has(key)) throw badRequest(`${key} cannot be used with statementId or voidedStatementId`);
      if (id !== undefined && voidedId !== undefined) throw badRequest('Use statementId or voidedStatementId, not both');
      const wanted = (id ?? voidedId) as string;
      if (!UUID_PATTERN.test(wanted)) throw badRequest('statementId must be a UUID');
      const statement = id !== undefined ? await service.getStatement(wanted) : await service.getVoidedStatement(wanted);
      if (!statement || (mine.length > 0 && agentIfi(statement.authority) !== mine[0].slice('auth:'.length))) {
        throw notFound(`No statement ${wanted}`);
      }
      const full = JSON.stringify(statement);
      const [json] = await formatted([full], format, req);
      res.setHeader('Last-Modified', new Date(statement.stored).toUTCString());
      await send(req, res, json, [full], withAttachments);
      return;
    }
    const page = await service.queryStatementRows(parseStatementQuery(params), mine);
    const fulls = page.rows.map((r) => r.full);
    const more = page.more ? `${req.baseUrl}?more=${page.more}` : '';
    const json = `{"statements":[${(await formatted(fulls, format, req)).join(',')}],"more":${JSON.stringify(more)}}`;
    await send(req, res, json, fulls, withAttachments);
  });

  router.put('/', async (req, res) => {
    requirePermission(res, 'statements:write');
    const context = xapiOf(res);
    for (const key of context.params.keys()) if (key !== 'statementId') throw badRequest(`Unknown parameter ${key}`);
    const id = context.params.get('statementId');
    if (id === undefined) throw badRequest('PUT /statements needs a statementId parameter');
    if (!UUID_PATTERN.test(id)) throw badRequest('statementId must be a UUID');
    const body = await readStatementBody(req, res, limit);
    if (!isObject(body.value)) throw badRequest('PUT /statements takes a single statement object');
    if (body.value.id !== undefined && String(body.value.id).toLowerCase() !== id.toLowerCase()) {
      throw badRequest('The statement id does not match the statementId parameter');
    }
    await service.storeStatements([{ ...body.value, id: body.value.id ?? id }], context.authority, {
      version: context.version,
      attachments: body.attachments,
    });
    res.status(204).end();
  });

  router.post('/', async (req, res) => {
    requirePermission(res, 'statements:write');
    const context = xapiOf(res);
    for (const key of context.params.keys()) throw badRequest(`Unknown parameter ${key}`);
    const body = await readStatementBody(req, res, limit);
    const list = Array.isArray(body.value) ? body.value : [body.value];
    const ids = await service.storeStatements(list, context.authority, { version: context.version, attachments: body.attachments });
    res.status(200).json(ids);
  });

  return router;
}
