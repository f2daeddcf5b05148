/** The cohort board's view model: texts, pictures and sort links, ready for the template. */
import type { Translate } from '../i18n/catalogue.ts';
import { heatMap, type HeatLevel } from '../charts/heat-map.ts';
import { progressBar } from '../charts/progress-bar.ts';
import type { CohortBoardData } from './board-data.ts';
import { SORT_KEYS, sortBoard, type SortDir, type SortKey } from './cohort-board.ts';
import { formatDuration } from './format-duration.ts';
import { percentText } from './percent.ts';

export function boardView(data: CohortBoardData, cohortId: string, sort: { key: SortKey; dir: SortDir }, t: Translate) {
  const link = (key: SortKey) => {
    const dir: SortDir = sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc';
    return `/trainer?cohort=${encodeURIComponent(cohortId)}&sort=${encodeURIComponent(key)}&dir=${dir}`;
  };
  const header = (key: SortKey, label: string) => ({
    label,
    href: link(key),
    ariaSort: sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none',
    active: sort.key === key,
  });
  const fixed = Object.fromEntries(SORT_KEYS.map((k) => [k, header(k, t(`followup.board.columns.${k}`))]));
  const rows = sortBoard(data.rows, sort.key, sort.dir).map((row) => ({
    id: row.learner.id,
    name: row.learner.name,
    login: row.learner.login,
    cells: row.cells.map((c) => ({
      status: c.status,
      statusText: t(`followup.board.status.${c.status}`),
      done: c.done,
      total: c.total,
      bar: progressBar(c.fraction, t('followup.board.itemsDone', { done: c.done, total: c.total })),
      doneText: t('followup.board.itemsDone', { done: c.done, total: c.total }),
      scoreText: percentText(c.scoreScaled),
      timeText: formatDuration(c.durationSeconds),
      lastActivity: c.lastActivity,
    })),
    progressBar: progressBar(row.fraction, percentText(row.fraction)),
    progressText: percentText(row.fraction),
    scoreText: percentText(row.scoreScaled),
    timeText: formatDuration(row.durationSeconds),
    lastActivity: row.lastActivity,
  }));
  const levelText: Record<HeatLevel, string> = {
    acquis: t('followup.levels.acquis'),
    en_cours: t('followup.levels.en_cours'),
    non_acquis: t('followup.levels.non_acquis'),
    none: t('followup.levels.none'),
  };
  const heat = heatMap({
    id: cohortId,
    title: t('followup.board.heatTitle'),
    desc: t('followup.board.heatDesc'),
    rowHeader: t('followup.learner'),
    columns: data.competencies.map((c) => ({ key: c.code, label: c.code, name: c.label })),
    rows: rows.map((r) => {
      const cells: Record<string, HeatLevel> = {};
      for (const c of data.levels.get(r.id) ?? []) cells[c.code] = c.evidenceCount === 0 ? 'none' : c.level;
      return { label: r.name, cells };
    }),
    levelText,
  });
  return {
    headers: { ...fixed, modules: data.modules.map((m) => header(`module:${m.id}`, m.title)) },
    rows,
    heat,
    competencies: data.competencies,
    hasModules: data.modules.length > 0,
  };
}
