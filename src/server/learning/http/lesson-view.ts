import type { Response } from 'express';
import type { LessonItem } from '../../courses/format/types.ts';
import { assetUrl } from '../../courses/format/asset-url.ts';
import type { ModuleAccess } from '../player/course-access.ts';
import type { LessonView } from '../player/lesson.service.ts';
import { itemUrl, moduleUrl, nextAfter } from './item-navigation.ts';
import { htmlBlocks } from '../../speech/html-blocks.ts';

/** The lesson reader: one page, previous/next, the audio when there is one. */
export function renderLesson(res: Response, access: ModuleAccess, item: LessonItem, view: LessonView, status = 200): void {
  const module = access.version.content;
  const base = itemUrl(module.id, item.id);
  const common = { title: item.title, pageClass: 'learner-page', module, moduleHref: moduleUrl(module.id), item, base, next: nextAfter(module, item.id) };
  if (view.mode === 'done') {
    res.status(status).render('learning/lesson-done', common);
    return;
  }
  const total = item.lesson.pages.length;
  const page = item.lesson.pages[view.page];
  res.status(status).render('learning/lesson', {
    ...common,
    attemptId: view.attempt.id,
    // One block at a time, each with its "Écouter" control (read-aloud of that block).
    page: { number: view.page + 1, total, title: page.title, blocks: htmlBlocks(page.html) },
    previousHref: view.page > 0 ? `${base}?page=${view.page}` : null,
    nextHref: view.page + 1 < total ? `${base}?page=${view.page + 2}` : null,
    isLast: view.page + 1 === total,
    audio: item.lesson.audio ? { src: assetUrl(item.lesson.audio.sha256), type: item.lesson.audio.mediaType } : null,
  });
}
