import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { NotFoundError } from '../../errors.ts';
import { get, type RouteSpec } from '../../http/route-table.ts';
import { PROFILE_PATH, xapiProfile } from '../profile/xapi-profile.ts';

/** The xAPI Profile (public, JSON-LD) and course media for logged-in users. */
export function publicLearningRoutes(ctx: AppContext): RouteSpec[] {
  const profile = (_req: Request, res: Response) => {
    res.type('application/ld+json').send(JSON.stringify(xapiProfile(), null, 2));
  };

  const asset = async (req: Request, res: Response) => {
    const sha = String(req.params.sha256);
    const found = /^[0-9a-f]{64}$/.test(sha) ? await ctx.learning.courses.asset(sha) : undefined;
    if (!found) throw new NotFoundError();
    // Content-addressed: the same URL always gives the same bytes.
    res.set('Cache-Control', 'private, max-age=31536000, immutable').type(found.mediaType).send(found.data);
  };

  return [get(PROFILE_PATH, 'public', profile), get('/course-assets/:sha256', 'authenticated', asset)];
}
