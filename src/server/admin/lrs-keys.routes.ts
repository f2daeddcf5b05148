import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { get, post, type RouteSpec } from '../http/route-table.ts';
import { fields, originOf, parseForm, renderFormErrors } from '../http/form.ts';

export const LRS_SCOPES = ['all', 'all/read', 'statements/write', 'statements/read', 'statements/read/mine', 'state', 'define', 'profile'] as const;

const keySchema = z.object({
  name: fields.text(80),
  scopes: z.union([z.enum(LRS_SCOPES), z.array(z.enum(LRS_SCOPES)).min(1)], { message: 'admin.lrsKeys.errors.scopes' }),
});

/** Admins create and revoke the HTTP Basic credentials that xAPI clients use. */
export function lrsKeysRoutes(ctx: AppContext): RouteSpec[] {
  const { credentials } = ctx.lrs;
  const model = async () => ({ title: 'admin.lrsKeys.title', keys: await credentials.list(), scopes: LRS_SCOPES, endpoint: `${ctx.config.baseUrl}/xapi` });

  const list = async (_req: Request, res: Response) => res.render('admin/lrs-keys', await model());

  const create = async (req: Request, res: Response) => {
    const form = parseForm(keySchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'admin/lrs-keys', { ...(await model()), values: form.values }, form.errors);
    const scopes = Array.isArray(form.values.scopes) ? form.values.scopes : [form.values.scopes];
    const created = await credentials.create({ name: form.values.name, scopes });
    await ctx.repositories.audit.record({ at: ctx.clock().toISOString(), action: 'lrs_key_created', ...originOf(req), subject: created.key, details: scopes.join(',') });
    res.status(201).render('admin/lrs-keys', { ...(await model()), created });
  };

  const revoke = async (req: Request, res: Response) => {
    await credentials.revoke(String(req.params.key));
    await ctx.repositories.audit.record({ at: ctx.clock().toISOString(), action: 'lrs_key_revoked', ...originOf(req), subject: String(req.params.key), details: null });
    res.redirect(303, '/admin/lrs-keys');
  };

  return [get('/admin/lrs-keys', ['admin'], list), post('/admin/lrs-keys', ['admin'], create), post('/admin/lrs-keys/:key/revoke', ['admin'], revoke)];
}
