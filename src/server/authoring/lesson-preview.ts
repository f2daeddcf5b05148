import { parseLesson } from '../courses/format/parse-lesson.ts';
import { renderSafeMarkdown } from '../courses/format/safe-markdown.ts';
import { mediaTypeOf } from '../courses/format/media-types.ts';
import { sha256 } from '../courses/format/content-hash.ts';
import type { AssetRef } from '../courses/format/types.ts';
import type { ModuleFiles } from './draft-files.ts';
import type { DraftError } from './authoring.service.ts';

export interface LessonPreview {
  pages: Array<{ title: string; html: string }>;
  errors: DraftError[];
}

/**
 * The lesson as the player shows it: the same parser and the same safe Markdown. Images of
 * the draft are referenced as they will be once published.
 */
export function previewLesson(moduleId: string, filePath: string, source: string, files: ModuleFiles, title: string): LessonPreview {
  const assets = new Map<string, AssetRef>();
  for (const [p, data] of files) {
    const mediaType = mediaTypeOf(p);
    if (mediaType) assets.set(p, { path: p, sha256: sha256(data), mediaType, bytes: data.length });
  }
  const result = parseLesson(source, { errorFile: `${moduleId}/${filePath}`, moduleFile: filePath, assets, title });
  if (result.ok) return { pages: result.lesson.pages.map((p) => ({ title: p.title, html: p.html })), errors: [] };
  // Still show the text (sanitised) next to the messages, so the trainer sees what they typed.
  return { pages: [{ title, html: renderSafeMarkdown(source) }], errors: result.errors.map((e) => ({ path: filePath, ...(e.line ? { line: e.line } : {}), message: e.message })) };
}
