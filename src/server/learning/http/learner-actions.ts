import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { NotFoundError } from '../../errors.ts';
import type { ModuleItem } from '../../courses/format/types.ts';
import { findItem } from '../player/course-access.ts';
import { itemUrl } from './item-navigation.ts';
import { renderQuiz } from './quiz-view.ts';
import { renderExercise } from './exercise-view.ts';

type Body = Record<string, unknown>;

/** Form posts of the player. Each checks the module, the item type and the attempt first. */
export function learnerActions(ctx: AppContext) {
  const { learning } = ctx;

  async function target<T extends ModuleItem['type']>(req: Request, type: T) {
    const access = await learning.modules.requireOpened(req.session.userId as string, String(req.params.moduleId));
    const item = findItem(access.version, String(req.params.itemId));
    if (item.type !== type) throw new NotFoundError('learning.errors.itemNotFound');
    return { access, item: item as Extract<ModuleItem, { type: T }> };
  }
  const body = (req: Request): Body => (req.body && typeof req.body === 'object' ? (req.body as Body) : {});
  const back = (res: Response, moduleId: string, itemId: string, query = '') => res.redirect(303, `${itemUrl(moduleId, itemId)}${query}`);

  const completeLesson = async (req: Request, res: Response) => {
    const { access, item } = await target(req, 'lesson');
    await learning.lessons.complete(access, item, body(req).attempt);
    back(res, access.version.moduleId, item.id);
  };

  const restartLesson = async (req: Request, res: Response) => {
    const { access, item } = await target(req, 'lesson');
    await learning.lessons.restart(access, item);
    back(res, access.version.moduleId, item.id);
  };

  const answerQuiz = async (req: Request, res: Response) => {
    const { access, item } = await target(req, 'quiz');
    const outcome = await learning.quizzes.answer(access, item, body(req));
    if (!outcome.ok) return renderQuiz(res, access, item, outcome.view, outcome.errorKey);
    back(res, access.version.moduleId, item.id, `?feedback=${encodeURIComponent(outcome.questionId)}`);
  };


  const submitExercise = async (req: Request, res: Response) => {
    const { access, item } = await target(req, 'exercise');
    const outcome = await learning.exercises.submit(access, item, body(req));
    if (!outcome.ok) {
      return renderExercise(res, access, item, { attempt: outcome.attempt, canRetry: false }, { values: outcome.values, errors: outcome.fieldErrors }, 400);
    }
    back(res, access.version.moduleId, item.id);
  };

  /** "Try again" on a failed quiz or exercise, when the retry policy allows. */
  const retry = async (req: Request, res: Response) => {
    const access = await learning.modules.requireOpened(req.session.userId as string, String(req.params.moduleId));
    const item = findItem(access.version, String(req.params.itemId));
    if (item.type === 'quiz') await learning.quizzes.retry(access, item);
    else if (item.type === 'exercise') await learning.exercises.retry(access, item);
    else throw new NotFoundError('learning.errors.itemNotFound');
    back(res, access.version.moduleId, item.id);
  };

  return { completeLesson, restartLesson, answerQuiz, submitExercise, retry };
}
