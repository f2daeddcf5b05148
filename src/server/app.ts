import path from 'node:path';
import express, { type Express } from 'express';
import session from 'express-session';
import './http/session-data.ts';
import type { AppContext } from './context.ts';
import { securityHeaders } from './http/security.ts';
import { noStore } from './http/no-store.ts';
import { rejectControlCharacters } from './http/control-characters.ts';
import { installViewEngine } from './http/view-engine.ts';
import { localeMiddleware } from './http/locale.ts';
import { idleTimeout } from './http/idle-timeout.ts';
import { csrfProtection } from './http/csrf.ts';
import { accessGuard } from './http/access-guard.ts';
import { asHandler } from './http/route-table.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { currentUser } from './http/current-user.ts';
import { saveSessionBeforeRedirect } from './http/save-before-redirect.ts';
import { allRoutes } from './routes.ts';
import { verifySiteRoutes } from './certificates/http/verify-site.routes.ts';
import type { RouteSpec } from './http/route-table.ts';
import { healthRoute } from './health.ts';
import { readingLocals } from './adaptations/http/reading-locals.ts';

export const publicDir = path.resolve(import.meta.dirname, '../../public');

function mountRoutes(app: Express, routes: RouteSpec[]): void {
  for (const route of routes) {
    if (route.method === "get") app.get(route.path, accessGuard(route.access), asHandler(route.handler));
    else app.post(route.path, accessGuard(route.access), asHandler(route.handler));
  }
}

/**
 * The public verification site (TREMPLIN_MODE=verify): the verification pages and nothing else,
 * no LRS, no session (nobody logs in, so there is nothing for a session or CSRF token to guard).
 */
function verifySiteApp(app: Express, ctx: AppContext, https: boolean): Express {
  app.get('/healthz', healthRoute(ctx));
  app.use(securityHeaders(https));
  app.use('/static', express.static(publicDir, { maxAge: ctx.config.production ? '7d' : 0, fallthrough: true }));
  app.use(localeMiddleware);
  app.use(rejectControlCharacters);
  mountRoutes(app, verifySiteRoutes(ctx));
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}

/** The one app factory: production and every test build the app here. */
export function createApp(ctx: AppContext, sessionSecret: string): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  installViewEngine(app);
  const https = ctx.config.baseUrl.startsWith('https:');
  if (ctx.config.mode === 'verify') return verifySiteApp(app, ctx, https);

  // The LRS speaks xAPI, not HTML forms: its own body handling, auth and errors, no session.
  app.use('/xapi', ctx.lrs.router);
  app.get('/healthz', healthRoute(ctx));

  app.use(securityHeaders(https));
  app.use('/static', express.static(publicDir, { maxAge: ctx.config.production ? '7d' : 0, fallthrough: true }));
  app.use(noStore);
  app.use(express.urlencoded({ extended: false, limit: ctx.config.formBodyLimitBytes, parameterLimit: 2000 }));
  app.use(express.json({ limit: ctx.config.formBodyLimitBytes }));
  app.use(
    session({
      name: 'tremplin.sid',
      secret: sessionSecret,
      store: ctx.sessions,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: https, maxAge: ctx.config.staffIdleMinutes * 60_000 },
    }),
  );
  app.use(saveSessionBeforeRedirect);
  app.use(localeMiddleware);
  app.use(rejectControlCharacters);
  app.use(idleTimeout(ctx));
  app.use(csrfProtection(sessionSecret));
  app.use(currentUser(ctx));
  app.use(readingLocals(ctx));

  mountRoutes(app, allRoutes(ctx));

  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
