import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { NotFoundError } from '../../errors.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';

/** The consent page (who listens, for how long, withdraw any time), and a learner's own recordings. */
export function voiceRoutes(ctx: AppContext): RouteSpec[] {
  const voice = ctx.calls.voice;
  const userOf = (req: Request) => req.session.userId as string;

  const page = async (req: Request, res: Response) => {
    const userId = userOf(req);
    const givenAt = await voice.consentOf(userId);
    const recordings = givenAt ? (await voice.listForUser(userId)).length : 0;
    const withdrawn = typeof req.query.withdrawn === 'string' && /^\d{1,6}$/.test(req.query.withdrawn) ? Number(req.query.withdrawn) : null;
    res.render('calls/voice-consent', { title: 'calls.voice.title', givenAt, recordings, days: voice.retentionDays, given: req.query.given === '1', withdrawn });
  };

  const consent = async (req: Request, res: Response) => {
    await voice.giveConsent(userOf(req));
    res.redirect(303, '/learner/voice?given=1');
  };

  const withdraw = async (req: Request, res: Response) => {
    const removed = await voice.withdraw(userOf(req));
    res.redirect(303, `/learner/voice?withdrawn=${removed}`);
  };

  const sound = async (req: Request, res: Response) => {
    const found = await voice.sound(String(req.params.id));
    if (!found || found.recording.userId !== userOf(req)) throw new NotFoundError('calls.voice.errors.notFound');
    res.type(found.recording.contentType).set('Cache-Control', 'private, no-store').send(found.content);
  };

  const learner = ['learner'] as const;
  return [
    get('/learner/voice', learner, page),
    post('/learner/voice/consent', learner, consent),
    post('/learner/voice/withdraw', learner, withdraw),
    get('/learner/voice/recordings/:id', learner, sound),
  ];
}
