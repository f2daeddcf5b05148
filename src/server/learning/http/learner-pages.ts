import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { NotFoundError } from '../../errors.ts';
import type { ModuleItem } from '../../courses/format/types.ts';
import { findItem } from '../player/course-access.ts';
import { moduleProgress } from '../progress/module-progress.ts';
import { ITEM_ICONS, itemUrl, moduleUrl, playerUrl } from './item-navigation.ts';
import { renderLesson } from './lesson-view.ts';
import { renderQuiz } from './quiz-view.ts';
import { renderExercise } from './exercise-view.ts';

const percent = (scaled: number | null) => (scaled === null ? null : Math.round(scaled * 100));

/** GET pages of the learner player: dashboard, module page, and the item player. */
export function learnerPages(ctx: AppContext) {
  const { learning } = ctx;

  const dashboard = async (req: Request, res: Response) => {
    const data = await learning.dashboard.dashboard(req.session.userId as string);
    res.render('learning/dashboard', {
      title: 'learning.dashboard.title',
      pageClass: 'learner-page',
      resume: data.resume ? { ...data.resume, href: itemUrl(data.resume.moduleId, data.resume.itemId) } : null,
      modules: data.modules.map((m) => ({
        id: m.module.id,
        title: m.module.title,
        summary: m.module.summary,
        durationMinutes: m.module.durationMinutes,
        href: moduleUrl(m.module.id),
        percent: m.progress.percent,
        done: m.progress.done,
        total: m.progress.total,
        locked: m.locked,
        prerequisiteTitle: m.prerequisiteTitle,
        finished: m.finished,
        started: m.started,
      })),
    });
  };

  const modulePage = async (req: Request, res: Response) => {
    const userId = req.session.userId as string;
    const access = await learning.modules.open(userId, String(req.params.moduleId));
    const module = access.version.content;
    const progress = moduleProgress(module, await learning.progress.itemProgress(userId, module.id));
    res.render('learning/module', {
      title: module.title,
      pageClass: 'learner-page',
      module,
      progress,
      finished: Boolean(access.enrolment.finishedAt),
      success: access.enrolment.success,
      items: progress.items.map((s, index) => ({
        number: index + 1,
        title: s.item.title,
        type: s.item.type,
        icon: ITEM_ICONS[s.item.type],
        href: playerUrl(module.id, s.item),
        status: s.status,
        score: percent(s.scoreScaled),
        durationMinutes: s.item.durationMinutes,
      })),
    });
  };

  const item = async (req: Request, res: Response) => {
    const userId = req.session.userId as string;
    const moduleId = String(req.params.moduleId);
    const access = await learning.modules.open(userId, moduleId);
    const found: ModuleItem = findItem(access.version, String(req.params.itemId));
    switch (found.type) {
      case 'lesson':
        return renderLesson(res, access, found, await learning.lessons.view(access, found, req.query.page));
      case 'quiz':
        return renderQuiz(res, access, found, await learning.quizzes.view(access, found, req.query.feedback));
      case 'exercise':
        return renderExercise(res, access, found, await learning.exercises.view(access, found));
      case 'roleplay':
        return res.redirect(303, playerUrl(moduleId, found));
      default:
        throw new NotFoundError('learning.errors.itemNotFound');
    }
  };

  return { dashboard, modulePage, item };
}
