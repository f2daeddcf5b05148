import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.ts';
import { get, post, type RouteSpec } from '../http/route-table.ts';
import { MAX_RESPONSE_LENGTH } from '../roleplay/engine/index.ts';
import { audioAssetOf } from './call-audio.ts';
import type { CallMove, CallRejection, OpenCall } from './calls.service.ts';
import { debriefView } from './debrief-view.ts';
import { playerView } from './player-view.ts';
import { startView } from './start-view.ts';
import { readMultipart } from '../http/multipart.ts';
import { checkRecording, MAX_RECORDING_BYTES, type PostedRecording } from './voice/voice-recording.ts';
import { voiceRoutes } from './voice/voice.routes.ts';

const SCRIPTS = ['/static/js/call.js'];
const id = z.string().min(1).max(100);
const startSchema = z.object({ module: id, item: id, restart: z.literal('1').optional() });
const turnSchema = z.object({
  turn: z.string().regex(/^\d{1,6}$/).transform(Number),
  choice: z.string().regex(/^\d{1,4}$/).transform(Number).optional(),
  response: z.string().max(MAX_RESPONSE_LENGTH * 2).optional(),
  action: z.enum(['hold', 'transfer', 'lookup', 'timeout']).optional(),
  field: z.string().max(100).optional(),
});

/** The learner's input as one move, or null when the form makes no sense. */
function moveOf(values: z.infer<typeof turnSchema>): CallMove | null {
  const { turn } = values;
  if (values.choice !== undefined) return { type: 'choice', turn, choice: values.choice };
  if (values.response !== undefined) return { type: 'free', turn, text: values.response };
  if (values.action === 'lookup') return values.field ? { type: 'lookup', turn, field: values.field } : null;
  if (values.action) return { type: values.action, turn };
  return null;
}

/** Refusals that mean "the call moved on" answer 409; the others are bad input (400). */
const CONFLICTS = new Set<CallRejection>(['stale-turn', 'concurrent', 'call-ended', 'not-timed-out-yet']);

export function callsRoutes(ctx: AppContext): RouteSpec[] {
  const { service, reviews } = ctx.calls;
  const userOf = (req: Request) => req.session.userId as string;
  const now = () => ctx.clock().getTime();

  const renderPlayer = async (res: Response, open: OpenCall, extra: Record<string, unknown> = {}, status = 200) => {
    // With consent, the page offers to record the answer (call.js shows it where a microphone can be used).
    const voice = { consented: (await ctx.calls.voice.consentOf(open.call.userId)) !== null };
    res.status(status).render('calls/player', { title: 'calls.player.title', pageClass: 'call-page', scripts: SCRIPTS, voice, ...playerView(open, now()), ...extra });
  };

  /**
   * The turn's form: urlencoded without JavaScript; multipart from call.js when the answer was
   * said aloud (the token then comes in the X-CSRF-Token header, checked before the body is read).
   */
  const turnForm = async (req: Request): Promise<{ body: unknown; recording?: PostedRecording; errorKey?: string }> => {
    if (!/^multipart\/form-data\b/i.test(req.get('content-type') ?? '')) return { body: req.body };
    const form = await readMultipart(req, MAX_RECORDING_BYTES, 'calls.voice.errors.notRecording');
    const body = Object.fromEntries(form.fields);
    const file = form.files.get('recording');
    if (!file || file.data.length === 0) return { body };
    const checked = checkRecording(file.data, form.fields.get('recordingMs'));
    return 'errorKey' in checked ? { body, errorKey: checked.errorKey } : { body, recording: checked };
  };

  const list = async (req: Request, res: Response) => {
    const calls = await service.listForUser(userOf(req));
    const rows = await Promise.all(
      calls.map(async (c) => {
        const version = await ctx.calls.modules.version(c.moduleId, c.version);
        const item = version?.content.items.find((i) => i.id === c.itemId);
        return { id: c.id, title: item?.title ?? c.itemId, moduleTitle: version?.content.title ?? c.moduleId, startedAt: c.startedAt, statusKey: `calls.status.${c.status}`, inProgress: c.status === 'in_progress' };
      }),
    );
    res.render('calls/list', { title: 'calls.list.title', calls: rows });
  };

  const startPage = async (req: Request, res: Response) => {
    const query = startSchema.safeParse(req.query);
    if (!query.success) throw new BadRequestError('calls.errors.badStart');
    const { module: moduleId, item: itemId } = query.data;
    const found = await service.itemFor(userOf(req), moduleId, itemId);
    const running = await ctx.calls.calls.listForUser(userOf(req), { moduleId, itemId, status: 'in_progress' });
    res.render('calls/start', { title: 'calls.start.title', ...startView(found.version, found.item), running: running[0] ? { id: running[0].id } : null });
  };

  const start = async (req: Request, res: Response) => {
    const form = startSchema.safeParse(req.body);
    if (!form.success) throw new BadRequestError('calls.errors.badStart');
    const call = await service.start(userOf(req), form.data.module, form.data.item, { restart: form.data.restart === '1' });
    res.redirect(303, `/learner/calls/${call.id}`);
  };

  const show = async (req: Request, res: Response) => {
    const open = await service.open(userOf(req), String(req.params.id));
    if (open.call.status !== 'in_progress') return res.redirect(303, `/learner/calls/${open.call.id}/debrief`);
    renderPlayer(res, open, { late: req.query.late === '1' });
  };

  const turn = async (req: Request, res: Response) => {
    const callId = String(req.params.id);
    const posted = await turnForm(req);
    const form = turnSchema.safeParse(posted.body);
    const move = form.success ? moveOf(form.data) : null;
    if (!move || posted.errorKey) return renderPlayer(res, await service.open(userOf(req), callId), { errorKey: posted.errorKey ?? 'calls.errors.badInput' }, 400);
    const result = await service.play(userOf(req), callId, move, posted.recording);
    if (!result.ok) {
      if (result.rejection === 'call-ended') throw new ConflictError('calls.rejections.call-ended');
      const typed = move.type === 'free' ? move.text : '';
      return renderPlayer(res, result.open, { errorKey: `calls.rejections.${result.rejection}`, typed }, CONFLICTS.has(result.rejection) ? 409 : 400);
    }
    if (result.open.call.status === 'completed') return res.redirect(303, `/learner/calls/${callId}/debrief`);
    res.redirect(303, `/learner/calls/${callId}${result.late ? '?late=1' : ''}`);
  };

  const confirmAbandon = async (req: Request, res: Response) => {
    const open = await service.open(userOf(req), String(req.params.id));
    if (open.call.status !== 'in_progress') return res.redirect(303, `/learner/calls/${open.call.id}/debrief`);
    res.render('calls/abandon', { title: 'calls.abandon.title', id: open.call.id, callTitle: open.item.title });
  };

  const abandon = async (req: Request, res: Response) => {
    await service.abandon(userOf(req), String(req.params.id));
    res.redirect(303, '/learner/calls');
  };

  const debriefPage = async (req: Request, res: Response) => {
    const open = await service.open(userOf(req), String(req.params.id));
    if (open.call.status === 'in_progress') return res.redirect(303, `/learner/calls/${open.call.id}`);
    const found = await reviews.listForRegistration(open.call.registration);
    const names = new Map<string, string>();
    for (const r of found) names.set(r.reviewerId, (await ctx.repositories.users.findById(r.reviewerId))?.displayName ?? '');
    const rescores = await ctx.calls.rescores.list(open.call.registration);
    const view = debriefView(ctx.calls.rescores.corrected(open, rescores), found, names, rescores);
    // The learner hears their own recorded answers beside the transcript.
    const voices = new Map((await ctx.calls.voice.listForRegistration(open.call.registration)).map((r) => [r.turn, r]));
    const turns = view.turns.map((t) => {
      const voice = voices.get(t.turn);
      return { ...t, voice: voice ? { url: `/learner/voice/recordings/${voice.id}`, seconds: Math.max(1, Math.round(voice.durationMs / 1000)) } : null };
    });
    res.render('calls/debrief', { title: 'calls.debrief.title', scripts: ['/static/js/listen-back.js'], ...view, turns });
  };

  const audio = async (req: Request, res: Response) => {
    const open = await service.open(userOf(req), String(req.params.id));
    const sha = String(req.params.sha);
    const allowed = audioAssetOf(open.version, sha);
    const stored = allowed ? await ctx.calls.modules.asset(sha) : undefined;
    if (!allowed || !stored) throw new NotFoundError('calls.errors.notFound');
    res.type(allowed.mediaType).set('Cache-Control', 'private, max-age=86400, immutable').send(stored.data);
  };

  const learner = ['learner'] as const;
  return [
    get('/learner/calls', learner, list),
    get('/learner/calls/start', learner, startPage),
    post('/learner/calls/start', learner, start),
    get('/learner/calls/:id', learner, show),
    post('/learner/calls/:id/turn', learner, turn),
    get('/learner/calls/:id/abandon', learner, confirmAbandon),
    post('/learner/calls/:id/abandon', learner, abandon),
    get('/learner/calls/:id/debrief', learner, debriefPage),
    get('/learner/calls/:id/audio/:sha', learner, audio),
    ...voiceRoutes(ctx),
  ];
}
