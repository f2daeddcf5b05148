/** GET /activities (Communication 2.5): the canonical definition the LRS holds for an activity. */
import { Router } from 'express';
import { requirePermission } from '../http/authenticate.ts';
import { onlyParams, requiredParam } from '../http/params.ts';
import { xapiOf } from '../http/xapi-context.ts';
import type { LrsService } from '../statements/statement-service.ts';

export function activityRoutes(service: LrsService): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    requirePermission(res, 'definitions:read');
    const params = xapiOf(res).params;
    onlyParams(params, ['activityId']);
    const id = requiredParam(params, 'activityId');
    const definition = (await service.definitions([id])).get(id);
    res.json(definition ? { objectType: 'Activity', id, definition } : { objectType: 'Activity', id });
  });
  return router;
}
