import type { AppContext } from '../context.ts';
import type { RouteSpec } from '../http/route-table.ts';
import { learnerCertificateRoutes } from './http/learner-certificate.routes.ts';
import { organisationRoutes } from './http/organisation.routes.ts';
import { registryRoutes } from './http/registry.routes.ts';
import { releaseRoutes } from './http/release.routes.ts';
import { verifyRoutes } from './http/verify.routes.ts';

export function certificatesRoutes(ctx: AppContext): RouteSpec[] {
  return [...releaseRoutes(ctx), ...organisationRoutes(ctx), ...registryRoutes(ctx), ...verifyRoutes(ctx), ...learnerCertificateRoutes(ctx)];
}
