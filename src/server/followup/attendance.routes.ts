import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { BadRequestError } from '../errors.ts';
import { get, post, type RouteSpec } from '../http/route-table.ts';
import { translator, isLocale } from '../i18n/catalogue.ts';
import { HALF_DAYS, STANDARD_HALF_DAY_HOURS } from './attendance.ts';
import { fieldName, readDayForm } from './attendance-form.ts';
import { csvFileName, toCsv } from './csv.ts';
import { formatHours } from './format-duration.ts';
import { addDays, parisDay } from './paris-date.ts';
import { dayParam, param } from './query-params.ts';
import type { CohortScope } from './trainer-scope.ts';

const localeOf = (res: Response) => (isLocale(res.locals.locale) ? res.locals.locale : 'fr');

/** Attendance per workshop day: half-days and hours for every learner of a cohort, on one page. */
export function attendanceRoutes(ctx: AppContext): RouteSpec[] {
  const { attendance, scope } = ctx.followup;
  const today = () => parisDay(ctx.clock());

  /** The day must fall inside the cohort's period and not in the future. */
  function checkDay(s: CohortScope, day: string): string | null {
    if (day > today()) return 'followup.attendance.errors.future';
    if (day < s.cohort.startDate || day > s.cohort.endDate) return 'followup.attendance.errors.outsideCohort';
    return null;
  }

  async function pageModel(res: Response, s: CohortScope, day: string, values?: Record<string, unknown>) {
    const ids = s.learners.map((l) => l.userId);
    const [records, totals] = await Promise.all([attendance.list(ids, day, day), attendance.totals(ids, s.cohort.startDate, s.cohort.endDate)]);
    const stored = new Map(records.map((r) => [fieldName(r.halfDay, r.userId), String(r.hours).replace('.', ',')]));
    const rows = s.learners.map((l) => ({
      name: l.displayName,
      cells: HALF_DAYS.map((h) => {
        const name = fieldName(h, l.userId);
        const typed = values?.[name];
        return { name, halfDay: h, value: typeof typed === 'string' ? typed : (stored.get(name) ?? '') };
      }),
      halfDays: totals.get(l.userId)?.halfDays ?? 0,
      hours: totals.get(l.userId)?.hours ?? 0,
    }));
    return {
      title: 'followup.attendance.title',
      cohort: s.cohort,
      cohorts: s.cohorts,
      day,
      previousDay: addDays(day, -1),
      nextDay: day < today() ? addDays(day, 1) : null,
      rows,
      standardHours: formatHours(STANDARD_HALF_DAY_HOURS, localeOf(res)),
      values: { day },
    };
  }

  const show = async (req: Request, res: Response) => {
    const s = await scope.cohort(req.session.userId as string, param(req.query, 'cohort'));
    if (!s) return res.render('followup/no-cohort', { title: 'followup.attendance.title' });
    const day = dayParam(req.query, 'day') ?? (today() > s.cohort.endDate ? s.cohort.endDate : today());
    const model = await pageModel(res, s, day);
    const dayError = checkDay(s, day);
    res.status(dayError ? 400 : 200).render('followup/attendance', { ...model, saved: req.query.saved === '1', dayError });
  };

  /** Validates the whole day's form, then stores every change at once, or nothing. */
  const save = async (req: Request, res: Response) => {
    const body = req.body as Record<string, unknown>;
    const s = await scope.cohort(req.session.userId as string, param(body, 'cohort'));
    if (!s) throw new BadRequestError('followup.errors.noCohort');
    const day = dayParam(body, 'day');
    if (!day) throw new BadRequestError('followup.errors.badDate', { day: 'followup.errors.badDate' });
    const dayError = checkDay(s, day);
    const ids = s.learners.map((l) => l.userId);
    const all = req.path.endsWith('/all-present');
    const form = all ? null : readDayForm(body, ids, day);
    const errors = { ...(form?.errors ?? {}), ...(dayError ? { day: dayError } : {}) };
    if (Object.keys(errors).length > 0) {
      return res.status(400).render('followup/attendance', { ...(await pageModel(res, s, day, body)), errors, hasErrors: true });
    }
    const changes = form ? form.changes : await fillBlanks(ids, day);
    await attendance.save(changes, req.session.userId as string, ctx.clock().toISOString());
    res.redirect(303, `/trainer/attendance?cohort=${encodeURIComponent(s.cohort.id)}&day=${day}&saved=1`);
  };

  /** "Everyone was there": the standard hours for each half-day not recorded yet. */
  async function fillBlanks(ids: string[], day: string) {
    const recorded = new Set((await attendance.list(ids, day, day)).map((r) => fieldName(r.halfDay, r.userId)));
    return ids.flatMap((userId) =>
      HALF_DAYS.filter((h) => !recorded.has(fieldName(h, userId))).map((halfDay) => ({ userId, day, halfDay, hours: STANDARD_HALF_DAY_HOURS })),
    );
  }

  const exportCsv = async (req: Request, res: Response) => {
    const s = await scope.cohort(req.session.userId as string, param(req.query, 'cohort'));
    if (!s) throw new BadRequestError('followup.errors.noCohort');
    const from = dayParam(req.query, 'from') ?? s.cohort.startDate;
    const to = dayParam(req.query, 'to') ?? s.cohort.endDate;
    if (to < from) throw new BadRequestError('followup.errors.badRange');
    const locale = localeOf(res);
    const t = translator(locale);
    const names = new Map(s.learners.map((l) => [l.userId, l]));
    const records = await attendance.list([...names.keys()], from, to);
    const csv = toCsv(
      [t('followup.attendance.csv.learner'), t('followup.attendance.csv.login'), t('followup.attendance.csv.day'), t('followup.attendance.csv.halfDay'), t('followup.attendance.csv.hours')],
      records.map((r) => [
        names.get(r.userId)?.displayName ?? '',
        names.get(r.userId)?.login ?? '',
        r.day,
        t(`followup.attendance.halfDays.${r.halfDay}`),
        formatHours(r.hours, locale),
      ]),
    );
    res.type('text/csv; charset=utf-8').attachment(csvFileName(t('followup.attendance.csv.file'), s.cohort.name, from, to)).send(csv);
  };

  return [
    get('/trainer/attendance', ['trainer'], show),
    post('/trainer/attendance', ['trainer'], save),
    post('/trainer/attendance/all-present', ['trainer'], save),
    get('/trainer/attendance.csv', ['trainer'], exportCsv),
  ];
}
