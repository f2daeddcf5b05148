/**
 * HTTP presenter of the three document resources (Communication 2.3 State, 2.6 Agent Profile,
 * 2.7 Activity Profile); they differ only in which parameters name a document.
 */
import { Router, type Request, type Response } from 'express';
import { badRequest, notFound } from '../errors.ts';
import { requirePermission } from '../http/authenticate.ts';
import { agentParam, onlyParams, requiredParam, timestampParam, UUID_PATTERN } from '../http/params.ts';
import { readBody } from '../http/read-body.ts';
import { xapiOf } from '../http/xapi-context.ts';
import type { DocumentKind, DocumentScope } from './document-repository.ts';
import type { DocumentService } from './document-service.ts';
import type { Preconditions } from './etag.ts';
import { storableKey } from '../storage/dialect.ts';

interface KindRules {
  idParam: string;
  scopeParams: string[];
  read: 'state:read' | 'profile:read';
  write: 'state:write' | 'profile:write';
}

const RULES: Record<DocumentKind, KindRules> = {
  state: { idParam: 'stateId', scopeParams: ['activityId', 'agent', 'registration'], read: 'state:read', write: 'state:write' },
  'activity-profile': { idParam: 'profileId', scopeParams: ['activityId'], read: 'profile:read', write: 'profile:write' },
  'agent-profile': { idParam: 'profileId', scopeParams: ['agent'], read: 'profile:read', write: 'profile:write' },
};

function scopeOf(kind: DocumentKind, params: Map<string, string>): DocumentScope {
  const rules = RULES[kind];
  const scope: DocumentScope = { kind, activityId: '', agentIfi: '', registration: '' };
  if (rules.scopeParams.includes('activityId')) scope.activityId = storableKey(requiredParam(params, 'activityId'));
  if (rules.scopeParams.includes('agent')) scope.agentIfi = storableKey(agentParam(params).ifi);
  const registration = params.get('registration');
  if (rules.scopeParams.includes('registration') && registration !== undefined) {
    if (!UUID_PATTERN.test(registration)) throw badRequest('registration must be a UUID');
    scope.registration = registration.toLowerCase();
  }
  return scope;
}

function preconditionsOf(req: Request): Preconditions {
  return { ifMatch: req.header('if-match'), ifNoneMatch: req.header('if-none-match') };
}

export function documentRoutes(service: DocumentService, kind: DocumentKind, limit: number): Router {
  const router = Router();
  const rules = RULES[kind];
  const allowed = [...rules.scopeParams, rules.idParam];

  router.get('/', async (_req, res) => {
    requirePermission(res, rules.read);
    const params = xapiOf(res).params;
    onlyParams(params, [...allowed, 'since']);
    const scope = scopeOf(kind, params);
    const rawId = params.get(rules.idParam);
    const id = rawId === undefined ? undefined : storableKey(rawId);
    if (id === undefined) {
      res.json(await service.list(scope, timestampParam(params, 'since')));
      return;
    }
    if (params.has('since')) throw badRequest(`since cannot be used with ${rules.idParam}`);
    const document = await service.get(scope, id);
    if (!document) throw notFound(`No document ${id}`);
    res.setHeader('ETag', `"${document.etag}"`);
    res.setHeader('Last-Modified', new Date(document.updated).toUTCString());
    res.type(document.contentType).send(document.content);
  });

  const write = (method: 'put' | 'post') => async (req: Request, res: Response) => {
    requirePermission(res, rules.write);
    const context = xapiOf(res);
    onlyParams(context.params, allowed);
    const scope = scopeOf(kind, context.params);
    const id = storableKey(requiredParam(context.params, rules.idParam));
    const content = context.body ?? (await readBody(req, limit));
    const contentType = req.header('content-type') ?? 'application/octet-stream';
    await service[method](scope, id, {
      content,
      contentType,
      preconditions: preconditionsOf(req),
      requirePrecondition: context.version === '2.0' ? 'conflict' : kind === 'state' ? 'never' : 'always',
    });
    res.status(204).end();
  };
  router.put('/', write('put'));
  router.post('/', write('post'));

  router.delete('/', async (req, res) => {
    requirePermission(res, rules.write);
    const params = xapiOf(res).params;
    onlyParams(params, allowed);
    const scope = scopeOf(kind, params);
    const rawId = params.get(rules.idParam);
    const id = rawId === undefined ? undefined : storableKey(rawId);
    if (id === undefined && kind !== 'state') throw badRequest(`Missing parameter ${rules.idParam}`);
    await service.delete(scope, id, preconditionsOf(req));
    res.status(204).end();
  });
  return router;
}
