import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Statement } from '../../lrs/index.ts';
import type { AppContext } from '../context.ts';
import type { RoleplayItem } from '../courses/format/types.ts';
import { objectId } from '../evidence/statement-fields.ts';
import { NotFoundError } from '../errors.ts';
import { formErrorsOf, parseForm } from '../http/form.ts';
import { get, post, type RouteSpec } from '../http/route-table.ts';
import { isLocale, translator } from '../i18n/catalogue.ts';
import { parseItemActivityId } from '../xapi/activity-ids.ts';
import { transcriptFromStatements } from '../calls/transcript-from-statements.ts';
import { latestByTurn, typedTurns } from '../calls/rescore/turn-rescore.ts';
import { callClock, callFacts } from './call-review.ts';
import { DOUBLE_ECOUTE_GRID, GRID_VERSION, criterionKey, gridScores, readGrid, RATINGS } from './double-ecoute-grid.ts';
import { formatDuration } from './format-duration.ts';
import { percentText } from './percent.ts';
import { accountUserId } from './statement-reading.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const commentSchema = z.object({ comment: z.string().trim().max(4000, 'followup.review.errors.commentTooLong').optional().default('') });
/** Whole numbers only: "12.5", "-3", "1e2" or "" are refused, never rounded. */
const wholeNumber = (key: string, max: number) =>
  z
    .string({ message: key })
    .trim()
    .regex(/^\d{1,4}$/, key)
    .transform(Number)
    .refine((n) => n <= max, key);
const rescoreSchema = z.object({ turn: wholeNumber('calls.rescore.errors.unknownTurn', 9999), percent: wholeNumber('calls.rescore.errors.percent', 100) });

/** What the re-score form of a typed answer shows: the rubric's score, the trainer's, the one in effect. */
function rescoreModel(turn: number, autoPercent: number, trainerPercent: number | null, t: (key: string, vars?: Record<string, unknown>) => string) {
  return {
    turn,
    percent: trainerPercent ?? autoPercent,
    autoText: t('followup.review.rescore.auto', { percent: autoPercent }),
    trainerText: trainerPercent === null ? '' : t('followup.review.rescore.trainer', { percent: trainerPercent }),
  };
}

/** Listening back to a call: transcript, scores and timings, the double-écoute grid, comments. */
export function callReviewRoutes(ctx: AppContext): RouteSpec[] {
  const f = ctx.followup;
  const baseUrl = ctx.config.instanceIri;

  async function callStatements(registration: string): Promise<Statement[]> {
    const all: Statement[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.lrs.service.queryStatements(cursor ? { cursor } : { registration, ascending: true, limit: 500 });
      all.push(...page.statements);
      cursor = page.more;
    } while (cursor);
    return all;
  }

  /** The call, if it is a call of a learner this trainer follows (404 unknown, 403 not theirs). */
  async function loadCall(req: Request) {
    const registration = String(req.params.registration).toLowerCase();
    if (!UUID.test(registration)) throw new NotFoundError('followup.review.errors.notFound');
    const statements = await callStatements(registration);
    const learnerIds = new Set(statements.map((s) => accountUserId(s.actor, baseUrl)));
    const [learnerId] = learnerIds;
    const parts = statements.map((s) => parseItemActivityId(baseUrl, objectId(s))).find((p) => p !== null);
    if (!learnerId || learnerIds.size !== 1 || !parts) throw new NotFoundError('followup.review.errors.notFound');
    const { learner, cohort } = await f.scope.learner(req.session.userId as string, learnerId);
    const module = (await f.catalogue.modules()).find((m) => m.id === parts.moduleId);
    const item = module?.items.find((i): i is RoleplayItem => i.id === parts.itemId && i.type === 'roleplay');
    return { registration, statements, learner, cohort, module, item };
  }

  async function pageModel(req: Request, res: Response) {
    const call = await loadCall(req);
    const locale = isLocale(res.locals.locale) ? res.locals.locale : 'fr';
    const t = translator(locale);
    const facts = callFacts(call.statements);
    const transcript = transcriptFromStatements(call.statements);
    const phaseLabel = new Map((call.item?.scenario.phases ?? []).map((p) => [p.id, p.label]));
    const reviews = await ctx.calls.reviews.listForRegistration(call.registration);
    // The learner's recorded answers, by turn: played in order with the customer's lines.
    const voices = new Map((await ctx.calls.voice.listForRegistration(call.registration)).map((r) => [r.turn, r]));
    const stored = await ctx.calls.rescores.openByRegistration(call.registration);
    const typed = stored && stored.call.status === 'completed' ? typedTurns(stored.call.state) : new Map<number, { text: string; percent: number }>();
    const trainerScores = latestByTurn(await ctx.calls.rescores.list(call.registration));
    const reviewers = new Map((await ctx.repositories.users.findByIds([...new Set(reviews.map((r) => r.reviewerId))])).map((u) => [u.id, u.displayName]));
    return {
      title: 'followup.review.title',
      registration: call.registration,
      learner: call.learner,
      scenarioTitle: call.item?.title ?? call.module?.title ?? '',
      moduleTitle: call.module?.title ?? '',
      startedAt: facts.startedAt,
      ended: transcript.end !== null,
      outcomeText: facts.outcome ? t(`followup.outcomes.${facts.outcome}`) : t('followup.review.open'),
      scoreText: percentText(facts.scaled),
      blockingFaults: facts.blockingFaults,
      durationText: facts.durationSeconds === null ? '–' : formatDuration(facts.durationSeconds),
      targetText: facts.indicators.targetSeconds === null ? '–' : formatDuration(facts.indicators.targetSeconds),
      fcrText: facts.indicators.fcr === null ? '–' : t(facts.indicators.fcr ? 'followup.review.yes' : 'followup.review.no'),
      csatText: facts.indicators.csat === null ? '–' : `${facts.indicators.csat} / 5`,
      phaseScores: facts.phaseScores.map((p) => ({ label: phaseLabel.get(p.phase) ?? p.phase, scoreText: percentText(p.scaled) })),
      turns: transcript.turns.map((turn) => ({
        clock: callClock(facts.startedAt, turn.timestamp),
        phase: phaseLabel.get(turn.phase) ?? turn.phase,
        customer: turn.customer,
        kindText: t(`followup.review.kinds.${turn.kind}`),
        text: turn.text,
        shown: turn.shown.map((line) => ({ text: line, chosen: line === turn.text })),
        feedback: turn.feedback,
        tags: turn.tags,
        blocking: turn.blockingFaults.length > 0,
        pointsText: turn.score ? t('followup.review.points', { earned: turn.score.earned, max: turn.score.max }) : '',
        mood: turn.mood,
        voice: voices.has(turn.turn)
          ? { url: `/trainer/calls/${call.registration}/recordings/${voices.get(turn.turn)?.id}`, durationText: formatDuration(Math.max(1, Math.round((voices.get(turn.turn)?.durationMs ?? 0) / 1000))) }
          : null,
        rescore: turn.kind === 'free' && typed.has(turn.turn) ? rescoreModel(turn.turn, typed.get(turn.turn)?.percent ?? 0, trainerScores.get(turn.turn)?.percent ?? null, t) : null,
      })),
      end: transcript.end ? { ...transcript.end, clock: callClock(facts.startedAt, transcript.end.timestamp) } : null,
      grid: DOUBLE_ECOUTE_GRID.map((phase) => ({
        label: phase[locale],
        criteria: phase.criteria.map((c) => ({ key: criterionKey(phase, c), label: c[locale], weight: c.weight })),
      })),
      ratings: RATINGS.map((r) => ({ value: r, label: t(`followup.review.ratings.${r}`) })),
      reviews: reviews
        .slice()
        .reverse()
        .map((r) => ({ ...r, reviewer: reviewers.get(r.reviewerId) ?? '', scoreText: percentText(typeof r.grid.score === 'number' ? r.grid.score : null) })),
      values: {} as Record<string, unknown>,
    };
  }

  const show = async (req: Request, res: Response) => {
    res.render('followup/call-review', { ...(await pageModel(req, res)), scripts: ['/static/js/listen-back.js'], saved: req.query.saved === '1', rescored: req.query.rescored === '1' });
  };

  /** Stores a review through call-player's repository: the learner sees it on their debrief. */
  const review = async (req: Request, res: Response) => {
    const model = await pageModel(req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const grid = readGrid(body);
    const form = parseForm(commentSchema, body);
    const errors = { ...grid.errors, ...(form.ok ? {} : form.errors) };
    if (!model.ended) errors._form = 'followup.review.errors.notEnded';
    if (Object.keys(errors).length > 0) {
      return res.status(400).render('followup/call-review', { ...model, values: body, errors, hasErrors: true });
    }
    const scores = gridScores(grid.ratings);
    await ctx.calls.reviews.add({
      registration: model.registration,
      userId: model.learner.id,
      reviewerId: req.session.userId as string,
      grid: { gridVersion: GRID_VERSION, ratings: grid.ratings, score: scores.overall, phases: scores.phases },
      comment: form.ok ? form.values.comment : '',
    });
    res.redirect(303, `/trainer/calls/${model.registration}?saved=1#reviews`);
  };

  /** The trainer confirms or changes the score of a typed answer (calls' CallRescoreService). */
  const rescore = async (req: Request, res: Response) => {
    const call = await loadCall(req);
    const form = parseForm(rescoreSchema, req.body);
    const fail = async (errors: Record<string, string>, status = 400) =>
      res.status(status).render('followup/call-review', { ...(await pageModel(req, res)), rescoreErrors: Object.values(errors), rescoreValues: req.body ?? {} });
    if (!form.ok) return fail(form.errors);
    try {
      await ctx.calls.rescores.rescore({ registration: call.registration, turn: form.values.turn, percent: form.values.percent, reviewerId: req.session.userId as string });
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (formErr) return fail(formErr.errors, formErr.status);
      throw err;
    }
    res.redirect(303, `/trainer/calls/${call.registration}?rescored=1#turn-${form.values.turn}`);
  };

  /** A learner's recorded answer, for a trainer who follows them; never for partners. */
  const recording = async (req: Request, res: Response) => {
    const call = await loadCall(req);
    const found = await ctx.calls.voice.sound(String(req.params.id));
    if (!found || found.recording.registration !== call.registration) throw new NotFoundError('calls.voice.errors.notFound');
    res.type(found.recording.contentType).set('Cache-Control', 'private, no-store').send(found.content);
  };

  return [
    get('/trainer/calls/:registration', ['trainer'], show),
    get('/trainer/calls/:registration/recordings/:id', ['trainer'], recording),
    post('/trainer/calls/:registration/reviews', ['trainer'], review),
    post('/trainer/calls/:registration/rescores', ['trainer'], rescore),
  ];
}
