import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { get, post, type RouteSpec } from '../http/route-table.ts';
import { fields, formErrorsOf, originOf, parseForm, renderFormErrors } from '../http/form.ts';
import { ROLES, isRole } from '../accounts/roles.ts';
import { searchKey } from '../text/search-key.ts';
import { loginAddress } from './login-address.ts';
import { tr } from '../http/locale.ts';

const userSchema = z.object({
  login: fields.text(40).regex(/^[\p{L}\p{N}._-]{2,40}$/u, 'accounts.errors.loginFormat'),
  displayName: fields.text(120),
  role: z.enum(ROLES, { message: 'errors.invalidChoice' }),
});

const confirmSchema = z.object({ confirm: z.literal('yes', { message: 'admin.users.resetConfirm.required' }) });

const roleOptions = ROLES.map((role) => ({ value: role, labelKey: `accounts.roles.${role}` }));

export function usersRoutes(ctx: AppContext): RouteSpec[] {
  const { accounts } = ctx.services;

  const list = async (req: Request, res: Response) => {
    const role = isRole(req.query.role) ? req.query.role : undefined;
    const search = typeof req.query.q === 'string' ? req.query.q.slice(0, 80) : '';
    const found = await ctx.repositories.users.list({ role, search: search ? searchKey(search) : undefined });
    const held = await accounts.heldAccounts(found);
    // Counted over every account, not the filtered list: the last active admin gets no "Deactivate".
    const lastActiveAdmin = (await ctx.repositories.users.countActiveAdmins()) <= 1;
    const users = found.map((u) => ({ ...u, loginHeld: held.has(u.id), lastActiveAdmin: lastActiveAdmin && u.active && u.role === 'admin' }));
    res.render('admin/users', { title: 'admin.users.title', users, roleOptions, filter: { role, q: search } });
  };

  const showNew = (_req: Request, res: Response) =>
    res.render('admin/user-new', { title: 'admin.users.newTitle', roleOptions, values: { role: 'learner' } });

  const create = async (req: Request, res: Response) => {
    const model = { title: 'admin.users.newTitle', roleOptions };
    const form = parseForm(userSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'admin/user-new', { ...model, values: form.values }, form.errors);
    try {
      const { user, oneTimePassword } = await accounts.createUser(form.values, originOf(req));
      // `account`, not `user`: the layout's header reads `user` as the person logged in (issue 18).
      res.status(201).render('admin/password-sheet', { title: 'admin.sheet.title', account: user, oneTimePassword, loginUrl: loginAddress(ctx), created: true });
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      renderFormErrors(res, 'admin/user-new', { ...model, values: form.values }, formErr.errors, formErr.status);
    }
  };

  /** The confirmation a reset needs: it cancels the person's password and ends their sessions. */
  const resetModel = async (res: Response, id: string) => {
    const account = await accounts.requireUser(id);
    const t = tr(res);
    return {
      title: 'admin.users.resetConfirm.title',
      heading: t('admin.users.resetConfirm.heading', { name: account.displayName }),
      warning: t('admin.users.resetConfirm.warning', { name: account.displayName, login: account.login }),
      action: `/admin/users/${account.id}/reset-password`,
      confirmLabel: 'admin.users.resetConfirm.confirm',
      submitLabel: 'admin.users.resetConfirm.submit',
      cancelHref: '/admin/users',
    };
  };

  const confirmReset = async (req: Request, res: Response) => res.render('admin/reset-confirm', await resetModel(res, String(req.params.id)));

  const resetPassword = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const form = parseForm(confirmSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'admin/reset-confirm', await resetModel(res, id), form.errors);
    const { user, oneTimePassword } = await accounts.resetPassword(id, originOf(req));
    await ctx.sessions.endUserSessions(user.id, req.session.userId === user.id ? req.sessionID : null);
    res.render('admin/password-sheet', { title: 'admin.sheet.title', account: user, oneTimePassword, loginUrl: loginAddress(ctx), created: false });
  };

  const setActive = (active: boolean) => async (req: Request, res: Response) => {
    await accounts.setActive(String(req.params.id), active, originOf(req));
    res.redirect(303, '/admin/users');
  };

  const liftLoginDelay = async (req: Request, res: Response) => {
    await accounts.liftLoginDelay(String(req.params.id), originOf(req));
    res.redirect(303, '/admin/users');
  };

  return [
    get('/admin/users', ['admin'], list),
    get('/admin/users/new', ['admin'], showNew),
    post('/admin/users', ['admin'], create),
    get('/admin/users/:id/reset-password', ['admin'], confirmReset),
    post('/admin/users/:id/reset-password', ['admin'], resetPassword),
    post('/admin/users/:id/deactivate', ['admin'], setActive(false)),
    post('/admin/users/:id/reactivate', ['admin'], setActive(true)),
    post('/admin/users/:id/lift-login-delay', ['admin'], liftLoginDelay),
  ];
}
