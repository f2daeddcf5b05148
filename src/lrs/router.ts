/** The /xapi router: About, then version/alternate syntax, Basic auth, the resources, errors. */
import { Router } from 'express';
import { aboutRoutes } from './about/about-routes.ts';
import type { LrsCredentialStore } from './credentials/credential-store.ts';
import { notFound } from './errors.ts';
import { authenticate } from './http/authenticate.ts';
import { xapiErrorHandler } from './http/error-handler.ts';
import { checkVersion, prepareRequest } from './http/prepare-request.ts';
import type { LrsService } from './statements/statement-service.ts';
import { statementRoutes } from './statements/statement-routes.ts';
import type { DocumentService } from './documents/document-service.ts';
import { documentRoutes } from './documents/document-routes.ts';
import { activityRoutes } from './activities/activity-routes.ts';
import { agentRoutes } from './agents/agent-routes.ts';

export interface RouterDeps {
  service: LrsService;
  documents: DocumentService;
  credentials: LrsCredentialStore;
  baseUrl: string;
  maxBodyBytes: number;
  clock: () => Date;
  onError?: (error: unknown) => void;
}

export function createLrsRouter(deps: RouterDeps): Router {
  const router = Router();
  router.use('/about', aboutRoutes());
  router.use(prepareRequest(deps.maxBodyBytes));
  router.use(authenticate(deps.credentials, deps.baseUrl));
  router.use(checkVersion());
  router.use('/statements', statementRoutes(deps.service, deps.maxBodyBytes, deps.clock));
  router.use('/activities/state', documentRoutes(deps.documents, 'state', deps.maxBodyBytes));
  router.use('/activities/profile', documentRoutes(deps.documents, 'activity-profile', deps.maxBodyBytes));
  router.use('/agents/profile', documentRoutes(deps.documents, 'agent-profile', deps.maxBodyBytes));
  router.use('/activities', activityRoutes(deps.service));
  router.use('/agents', agentRoutes());
  router.use(() => {
    throw notFound('No such xAPI resource');
  });
  router.use(xapiErrorHandler(deps.onError));
  return router;
}
