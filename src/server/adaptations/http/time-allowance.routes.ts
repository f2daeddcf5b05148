import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { post, type RouteSpec } from '../../http/route-table.ts';

/** The trainer sets a learner's "temps adapté" from the learner's follow-up page. */
export function timeAllowanceRoutes(ctx: AppContext): RouteSpec[] {
  const save = async (req: Request, res: Response) => {
    // Only a learner this trainer follows (404 unknown, 403 someone else's), checked before anything is read from the form.
    const { learner } = await ctx.followup.scope.learner(req.session.userId as string, String(req.params.id));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const saved = await ctx.adaptations.setTimeAllowance(learner.id, body.allowance, { actorId: req.session.userId as string, ip: req.ip ?? null });
    res.redirect(303, `/trainer/learners/${encodeURIComponent(learner.id)}?allowance=${encodeURIComponent(saved)}#time-allowance`);
  };
  return [post('/trainer/learners/:id/time-allowance', ['trainer'], save)];
}
