import type { AppContext } from '../../context.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { learnerPages } from './learner-pages.ts';
import { learnerActions } from './learner-actions.ts';
import { assignRoutes } from './assign.routes.ts';
import { adminCoursesRoutes } from './admin-courses.routes.ts';
import { publicLearningRoutes } from './public.routes.ts';

const ITEM = '/learner/modules/:moduleId/items/:itemId';

/** Every route of the learning area. */
export function learningRoutes(ctx: AppContext): RouteSpec[] {
  const pages = learnerPages(ctx);
  const actions = learnerActions(ctx);
  const learner = ['learner'] as const;
  return [
    get('/learner', learner, pages.dashboard),
    get('/learner/modules/:moduleId', learner, pages.modulePage),
    get(ITEM, learner, pages.item),
    post(`${ITEM}/complete`, learner, actions.completeLesson),
    post(`${ITEM}/restart`, learner, actions.restartLesson),
    post(`${ITEM}/answer`, learner, actions.answerQuiz),
    post(`${ITEM}/submit`, learner, actions.submitExercise),
    post(`${ITEM}/retry`, learner, actions.retry),
    ...assignRoutes(ctx),
    ...adminCoursesRoutes(ctx),
    ...publicLearningRoutes(ctx),
  ];
}
