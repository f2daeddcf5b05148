import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { get, type RouteSpec } from '../../http/route-table.ts';
import { NotFoundError } from '../../errors.ts';
import { isSourceText } from '../../courses/format/media-types.ts';
import { diffFolders } from '../line-diff.ts';
import { writeModuleZip } from '../module-zip.ts';
import type { ModuleFiles } from '../draft-files.ts';
import type { AuthoringService } from '../authoring.service.ts';
import { AUTHORS, authoringOf, base, field, moduleIdOf } from './authoring-area.ts';

/** "draft" or a version number, as written in links. */
async function filesOf(authoring: AuthoringService, moduleId: string, which: string): Promise<ModuleFiles> {
  if (which === 'draft') return (await authoring.draft(moduleId)).files;
  if (!/^\d{1,6}$/.test(which)) throw new NotFoundError();
  const files = await authoring.versionFiles(moduleId, Number(which));
  if (!files) throw new NotFoundError('authoring.errors.noSources');
  return files;
}

/** Version history, a readable diff between two versions (or the draft), and zip export. */
export function historyRoutes(ctx: AppContext): RouteSpec[] {
  const authoring = authoringOf(ctx);

  const history = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const versions = await authoring.history(moduleId);
    const hasDraft = Boolean(await authoring.findDraft(moduleId));
    const href = base(moduleId);
    res.render('authoring/history', {
      title: 'authoring.history.title',
      moduleId,
      href,
      hasDraft,
      published: field(req.query, 'published'),
      unchanged: field(req.query, 'unchanged'),
      versions: [...versions].reverse().map((v, i, all) => ({
        ...v,
        exportHref: `${href}/export?version=${v.version}`,
        diffHref: i + 1 < all.length ? `${href}/diff?from=${all[i + 1].version}&to=${v.version}` : null,
      })),
      draftDiffHref: hasDraft && versions.length > 0 ? `${href}/diff?from=${versions[versions.length - 1].version}&to=draft` : null,
    });
  };

  const diff = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const from = field(req.query, 'from');
    const to = field(req.query, 'to');
    const files = diffFolders(await filesOf(authoring, moduleId, from), await filesOf(authoring, moduleId, to), isSourceText);
    res.render('authoring/diff', {
      title: 'authoring.diff.title',
      moduleId,
      href: base(moduleId),
      from,
      to,
      files: files.map((f) => ({ ...f, changeLabel: `authoring.diff.change.${f.change}`, lines: f.lines.map((l) => ({ ...l, mark: l.op === 'add' ? '+' : l.op === 'del' ? '−' : ' ' })) })),
    });
  };

  const exportZip = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const which = field(req.query, 'version') || 'draft';
    const zip = await writeModuleZip(moduleId, await filesOf(authoring, moduleId, which));
    res.type('application/zip').attachment(`${moduleId}-${which === 'draft' ? 'brouillon' : `v${which}`}.zip`).send(zip);
  };

  return [
    get('/trainer/authoring/:moduleId/history', AUTHORS, history),
    get('/trainer/authoring/:moduleId/diff', AUTHORS, diff),
    get('/trainer/authoring/:moduleId/export', AUTHORS, exportZip),
  ];
}
