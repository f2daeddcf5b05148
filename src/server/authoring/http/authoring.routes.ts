import type { AppContext } from '../../context.ts';
import type { RouteSpec } from '../../http/route-table.ts';
import { draftsRoutes } from './drafts.routes.ts';
import { fileEditorRoutes } from './file-editor.routes.ts';
import { scenarioRoutes } from './scenario.routes.ts';
import { historyRoutes } from './history.routes.ts';

/** Course authoring in the browser, under /trainer/authoring (trainers and admins). */
export function authoringRoutes(ctx: AppContext): RouteSpec[] {
  // /trainer/authoring/import must come before /trainer/authoring/:moduleId/... routes of the same method.
  return [...draftsRoutes(ctx), ...fileEditorRoutes(ctx), ...scenarioRoutes(ctx), ...historyRoutes(ctx)];
}
