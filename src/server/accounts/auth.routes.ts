import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { get, post, type RouteSpec } from '../http/route-table.ts';
import { fields, parseForm, renderFormErrors } from '../http/form.ts';
import { HOME_OF } from './roles.ts';
import type { User } from './user.ts';
import { weakPasswordReason } from './password-policy.ts';

const loginSchema = z.object({
  login: fields.text(80),
  password: z.string({ message: 'errors.required' }).min(1, 'errors.required').max(200, 'errors.tooLong'),
  next: z.string().optional(),
});

const passwordSchema = z
  .object({
    current: z.string({ message: 'errors.required' }).min(1, 'errors.required').max(200, 'errors.tooLong'),
    next: z.string({ message: 'errors.required' }).min(8, 'accounts.errors.passwordTooShort').max(200, 'errors.tooLong'),
    confirm: z.string({ message: 'errors.required' }).min(1, 'errors.required'),
  })
  .refine((v) => v.next === v.confirm, { message: 'accounts.errors.passwordMismatch', path: ['confirm'] });

/** Only local paths may follow a login, so the form cannot send anyone elsewhere. */
function safeNext(next: unknown, user: User): string {
  if (typeof next === 'string' && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) && !next.startsWith('/login')) return next;
  return HOME_OF[user.role];
}

function regenerate(req: Request): Promise<void> {
  const locale = req.session.locale;
  return new Promise((resolve, reject) =>
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.locale = locale;
      resolve();
    }),
  );
}

export function authRoutes(ctx: AppContext): RouteSpec[] {
  const { accounts } = ctx.services;

  const showLogin = (req: Request, res: Response) => {
    if (req.session.userId && req.session.role) return res.redirect(303, HOME_OF[req.session.role]);
    const expired = req.session.expired === true;
    delete req.session.expired;
    res.render('accounts/login', { title: 'accounts.login.title', expired, values: { next: req.query.next } });
  };

  const doLogin = async (req: Request, res: Response) => {
    const form = parseForm(loginSchema, req.body);
    const model = { title: 'accounts.login.title' };
    if (!form.ok) return renderFormErrors(res, 'accounts/login', { ...model, values: { ...form.values, password: '' } }, form.errors);
    const user = await accounts.authenticate(form.values.login, form.values.password, req.ip ?? null);
    if (!user) {
      return renderFormErrors(res, 'accounts/login', { ...model, values: { login: form.values.login, next: form.values.next } }, { password: 'accounts.errors.badCredentials' }, 401);
    }
    await regenerate(req);
    req.session.userId = user.id;
    req.session.role = user.role;
    req.session.lastSeenAt = ctx.clock().getTime();
    res.redirect(303, user.mustChangePassword ? '/account/password' : safeNext(form.values.next, user));
  };

  const doLogout = async (req: Request, res: Response) => {
    const userId = req.session.userId;
    const locale = req.session.locale;
    if (userId) await ctx.repositories.audit.record({ at: ctx.clock().toISOString(), action: 'logout', actorId: userId, subject: userId, ip: req.ip ?? null, details: null });
    await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
    res.clearCookie('tremplin.sid');
    res.redirect(303, `/login?lang=${locale ?? 'fr'}&bye=1`);
  };

  const showPassword = (_req: Request, res: Response) => res.render('accounts/password', { title: 'accounts.password.title' });

  const changePassword = async (req: Request, res: Response) => {
    const form = parseForm(passwordSchema, req.body);
    const model = { title: 'accounts.password.title' };
    if (!form.ok) return renderFormErrors(res, 'accounts/password', model, form.errors);
    const user = res.locals.user as User;
    const weak = weakPasswordReason(form.values.next, [user.login, user.displayName, form.values.current]);
    if (weak) return renderFormErrors(res, 'accounts/password', model, { next: `accounts.errors.weakPassword.${weak}` });
    const ok = await accounts.changePassword(req.session.userId as string, form.values.current, form.values.next, req.ip ?? null);
    if (!ok) return renderFormErrors(res, 'accounts/password', model, { current: 'accounts.errors.badCurrentPassword' });
    // Whoever else holds a session of this account (another terminal left open) is logged out.
    await ctx.sessions.endUserSessions(req.session.userId as string, req.sessionID);
    res.redirect(303, HOME_OF[req.session.role ?? 'learner']);
  };

  const root = (req: Request, res: Response) => res.redirect(303, req.session.role ? HOME_OF[req.session.role] : '/login');

  return [
    get('/', 'public', root),
    get('/login', 'public', showLogin),
    post('/login', 'public', doLogin),
    post('/logout', 'public', doLogout),
    get('/account/password', 'authenticated', showPassword),
    post('/account/password', 'authenticated', changePassword),
  ];
}
