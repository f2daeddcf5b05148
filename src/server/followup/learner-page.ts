/** The learner page's view model, from the digest, the statements and the reviews. Pure. */
import type { Statement } from '../../lrs/index.ts';
import type { CallReview } from '../calls/call-review.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { barChart, hourTicks } from '../charts/bar-chart.ts';
import { progressBar } from '../charts/progress-bar.ts';
import type { BoardModule, BoardRow } from './cohort-board.ts';
import { formatDuration } from './format-duration.ts';
import type { LearnerDigest } from './learner-digest.ts';
import { parisDateTime, parisDay } from './paris-date.ts';
import { percentText } from './percent.ts';
import { statementSentence, type SentenceNames } from './statement-sentence.ts';
import { weekSeries } from './week-series.ts';

export interface LearnerPageInput {
  row: BoardRow;
  modules: BoardModule[];
  digest: LearnerDigest;
  framework: CompetencyFramework;
  recent: Statement[];
  reviews: CallReview[];
  attendanceHours: number;
  titles: Map<string, string>;
  names: SentenceNames;
  today: string;
  cohortStart: string;
  /** Page of the call history, from 1 (newest calls); out of range goes to the nearest page. */
  callsPage: number;
  /** The page's own address, for the paging links. */
  pageHref: string;
  locale: 'fr' | 'en';
  t: Translate;
}

const WEEKS_SHOWN = 26;
export const CALLS_PER_PAGE = 10;

const SHORT_DATE = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
};
const HOURS = { fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }) };
const shortDate = (day: string, locale: 'fr' | 'en'): string => SHORT_DATE[locale].format(new Date(`${day}T00:00:00Z`));

export function learnerPageModel(input: LearnerPageInput) {
  const { t, digest, locale } = input;
  const series = weekSeries(digest.weeks, input.today, WEEKS_SHOWN, input.cohortStart);
  const weekChart = barChart({
    id: 'weeks',
    title: t('followup.learnerPage.weeksTitle'),
    desc: t('followup.learnerPage.weeksDesc', { count: series.length, total: formatDuration(series.reduce((s, w) => s + w.seconds, 0)) }),
    labelHeader: t('followup.learnerPage.week'),
    valueHeader: t('followup.learnerPage.timeOnTask'),
    bars: series.map((w) => ({ label: t('followup.learnerPage.weekOf', { day: shortDate(w.week, locale) }), value: w.seconds })),
    format: formatDuration,
    axes: {
      valueTitle: t('followup.learnerPage.axisHours'),
      labelTitle: t('followup.learnerPage.axisWeeks'),
      ticks: hourTicks(Math.max(0, ...series.map((w) => w.seconds))),
      tickText: (seconds) => `${HOURS[locale].format(seconds / 3600)} h`,
      // One date in four (and the last week): every label would overlap.
      labelText: (index) => (index % 4 === 0 || index === series.length - 1 ? shortDate(series[index].week, locale) : null),
    },
  });
  const levels = new Map(digest.competencies.map((c) => [c.code, c]));
  const blocks = input.framework.blocks.map((b) => ({
    label: `${b.code} · ${b.label}`,
    competencies: b.competencies.map((c) => {
      const found = levels.get(c.code);
      const level = found?.level ?? 'non_acquis';
      return {
        code: c.code,
        label: c.label,
        level,
        levelText: t(`followup.levels.${level}`),
        evidence: found?.evidenceCount ?? 0,
        averageText: percentText(found?.averageScaled ?? null),
      };
    }),
  }));
  // Reviews come newest first: the first one of a call is its latest grid.
  const latestReview = new Map<string, CallReview>();
  for (const r of input.reviews) if (!latestReview.has(r.registration)) latestReview.set(r.registration, r);
  const gridScore = (r: CallReview | undefined) => (r && typeof r.grid.score === 'number' ? r.grid.score : null);
  const callTitle = new Map(digest.calls.map((c) => [c.registration, input.titles.get(c.activityId) ?? c.activityId]));
  const pages = Math.max(1, Math.ceil(digest.calls.length / CALLS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number.isInteger(input.callsPage) ? input.callsPage : 1));
  const first = (page - 1) * CALLS_PER_PAGE;
  const pageOf = (n: number) => `${input.pageHref}?calls=${n}#calls`;
  const callsPaging = {
    total: digest.calls.length,
    text: t('followup.learnerPage.callsRange', { from: digest.calls.length === 0 ? 0 : first + 1, to: Math.min(first + CALLS_PER_PAGE, digest.calls.length), total: digest.calls.length }),
    newerHref: page > 1 ? pageOf(page - 1) : null,
    olderHref: page < pages ? pageOf(page + 1) : null,
    pageText: t('followup.learnerPage.callsPage', { page, pages }),
    several: pages > 1,
  };
  const calls = digest.calls.slice(first, first + CALLS_PER_PAGE).map((c) => ({
    registration: c.registration,
    at: c.at,
    title: input.titles.get(c.activityId) ?? c.activityId,
    scoreText: percentText(c.scaled),
    resultText: t(c.outcome ? `followup.outcomes.${c.outcome}` : c.success === false ? 'followup.outcomes.failed' : 'followup.outcomes.unknown'),
    durationText: formatDuration(c.durationSeconds),
    reviewed: latestReview.has(c.registration),
    gridText: percentText(gridScore(latestReview.get(c.registration))),
  }));
  // The double-écoute grid is the same every time: its scores, oldest first, show the progress.
  const reviewHistory = input.reviews
    .slice()
    .reverse()
    .map((r) => ({ at: r.createdAt, registration: r.registration, title: callTitle.get(r.registration) ?? '', scoreText: percentText(gridScore(r)) }));
  const days: Array<{ day: string; entries: Array<{ at: string; time: string; sentence: string }> }> = [];
  for (const s of input.recent) {
    const day = parisDay(new Date(s.timestamp));
    if (days.at(-1)?.day !== day) days.push({ day, entries: [] });
    days.at(-1)?.entries.push({ at: s.timestamp, time: parisDateTime(new Date(s.timestamp)).slice(11), sentence: statementSentence(s, input.names, locale, t) });
  }
  const titles = new Map(input.modules.map((m) => [m.id, m.title]));
  return {
    progressText: percentText(input.row.fraction),
    progressBar: progressBar(input.row.fraction, percentText(input.row.fraction)),
    timeText: formatDuration(input.row.durationSeconds),
    attendanceText: formatDuration(input.attendanceHours * 3600),
    lastActivity: digest.lastActivity,
    modules: input.row.cells.map((c) => ({
      title: titles.get(c.moduleId) ?? c.moduleId,
      statusText: t(`followup.board.status.${c.status}`),
      bar: progressBar(c.fraction, t('followup.board.itemsDone', { done: c.done, total: c.total })),
      doneText: t('followup.board.itemsDone', { done: c.done, total: c.total }),
      scoreText: percentText(c.scoreScaled),
      timeText: formatDuration(c.durationSeconds),
    })),
    weekChart,
    blocks,
    calls,
    callsPaging,
    reviewHistory,
    timeline: days,
  };
}
