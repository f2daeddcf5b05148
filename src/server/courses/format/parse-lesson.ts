import path from 'node:path';
import type { SourceError } from './source-error.ts';
import type { AssetRef, Lesson, LessonPage } from './types.ts';
import { findRawHtml, findReferences, proseLines, renderSafeMarkdown } from './safe-markdown.ts';
import { assetUrl } from './asset-url.ts';
import { isImage } from './media-types.ts';

export interface LessonContext {
  /** Path shown in errors (relative to the courses root). */
  errorFile: string;
  /** Path of the lesson inside its module folder: images are relative to it. */
  moduleFile: string;
  /** The module's media files by their path inside the module folder. */
  assets: ReadonlyMap<string, AssetRef>;
  /** Title of the opening page (text before the first "## " heading). */
  title: string;
  audio?: AssetRef;
}

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; errors: SourceError[] };

/** Resolves an image reference written in the lesson to a path inside the module folder. */
export function resolveModulePath(fromFile: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURI(target);
  } catch {
    return undefined; // a malformed %-escape is reported like any path outside the module
  }
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), decoded));
  return resolved.startsWith('../') ? undefined : resolved;
}

export function parseLesson(source: string, ctx: LessonContext): LessonResult {
  const errors: SourceError[] = [];
  const at = (line: number, message: string) => errors.push({ file: ctx.errorFile, line, message });

  const images = new Map<string, AssetRef>();
  for (const ref of findReferences(source)) {
    if (ref.kind === 'link') {
      at(ref.line, `lien « ${ref.label} » interdit : les stagiaires n’ont pas accès à Internet ni aux autres pages depuis une leçon`);
      continue;
    }
    const resolved = resolveModulePath(ctx.moduleFile, ref.target);
    const asset = resolved === undefined ? undefined : ctx.assets.get(resolved);
    if (resolved === undefined) at(ref.line, `image « ${ref.target} » : seules les images du dossier du module sont permises (chemin relatif, ex. ../images/schema.svg)`);
    else if (!asset || !isImage(resolved)) at(ref.line, `image introuvable : « ${resolved} » n’existe pas dans le dossier du module`);
    else images.set(ref.target, asset);
    if (!ref.label.trim()) at(ref.line, `image « ${ref.target} » sans texte de remplacement : écrivez ![description](${ref.target}) pour les lecteurs d’écran`);
  }
  for (const raw of findRawHtml(source)) at(raw.line, `balise HTML <${raw.tag}> interdite : utilisez la syntaxe Markdown`);

  const pages = splitPages(source, ctx.title, at);
  if (pages.length === 0) at(1, 'leçon vide : écrivez au moins un paragraphe');
  if (errors.length > 0) return { ok: false, errors };

  const imageUrl = (src: string) => {
    const asset = images.get(src);
    return asset ? assetUrl(asset.sha256) : undefined;
  };
  return {
    ok: true,
    lesson: {
      markdown: source,
      pages: pages.map((p): LessonPage => ({ title: p.title, html: renderSafeMarkdown(p.body, imageUrl) })),
      ...(ctx.audio ? { audio: ctx.audio } : {}),
      images: [...new Map([...images.values()].map((a) => [a.path, a])).values()],
    },
  };
}

/** One page per "## " heading: slow readers get one idea per screen. */
function splitPages(source: string, openingTitle: string, at: (line: number, message: string) => void): Array<{ title: string; body: string }> {
  const lines = source.split(/\r?\n/);
  const headings = new Map<number, string>();
  for (const { line, text } of proseLines(source)) {
    if (/^#\s/.test(text)) at(line, 'titre de niveau 1 (« # ») interdit : le titre de la leçon vient de module.yaml ; utilisez « ## » pour chaque page');
    const h2 = /^##\s+(.+?)\s*#*\s*$/.exec(text);
    if (h2) headings.set(line, h2[1]);
  }
  const pages: Array<{ title: string; body: string; line: number }> = [];
  let current = { title: openingTitle, body: [] as string[], line: 1 };
  const flush = () => {
    const body = current.body.join('\n').trim();
    if (body) pages.push({ title: current.title, body, line: current.line });
    else if (current.line > 1) at(current.line, `la page « ${current.title} » est vide`);
  };
  lines.forEach((text, i) => {
    const title = headings.get(i + 1);
    if (title === undefined) {
      current.body.push(text);
      return;
    }
    flush();
    current = { title, body: [], line: i + 1 };
  });
  flush();
  return pages.map(({ title, body }) => ({ title, body }));
}
