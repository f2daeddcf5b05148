/**
 * Pure: the cohort board (learners x modules) from the progress projection, and its sorting.
 * A module is "completed" when every item of its latest version is completed or passed.
 */
import type { ItemProgressRow } from './board.repository.ts';
import { compareNames } from '../text/natural-order.ts';

export type CellStatus = 'not_started' | 'in_progress' | 'completed';

export interface BoardModule {
  id: string;
  title: string;
  itemIds: string[];
}

export interface BoardCell {
  moduleId: string;
  status: CellStatus;
  done: number;
  total: number;
  /** 0..1 */
  fraction: number;
  /** Mean of the scored items' scaled scores. */
  scoreScaled: number | null;
  durationSeconds: number;
  lastActivity: string | null;
}

export interface BoardLearner {
  id: string;
  name: string;
  login: string;
}

export interface BoardRow {
  learner: BoardLearner;
  cells: BoardCell[];
  fraction: number;
  scoreScaled: number | null;
  durationSeconds: number;
  lastActivity: string | null;
  modulesCompleted: number;
}

const DONE = new Set(['completed', 'passed']);
const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const latest = (values: Array<string | null>) => values.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);

function cellFor(module: BoardModule, rows: readonly ItemProgressRow[]): BoardCell {
  const items = new Set(module.itemIds);
  const mine = rows.filter((r) => items.has(r.itemId));
  const done = mine.filter((r) => DONE.has(r.status)).length;
  const total = module.itemIds.length;
  return {
    moduleId: module.id,
    status: total > 0 && done === total ? 'completed' : mine.length > 0 ? 'in_progress' : 'not_started',
    done,
    total,
    fraction: total === 0 ? 0 : done / total,
    scoreScaled: mean(mine.map((r) => r.scoreScaled).filter((s): s is number => s !== null)),
    durationSeconds: mine.reduce((sum, r) => sum + r.durationSeconds, 0),
    lastActivity: latest(mine.map((r) => r.updatedAt)),
  };
}

export function cohortBoard(learners: readonly BoardLearner[], modules: readonly BoardModule[], progress: readonly ItemProgressRow[]): BoardRow[] {
  const byUserModule = new Map<string, ItemProgressRow[]>();
  for (const row of progress) {
    const key = `${row.userId}\u0000${row.moduleId}`;
    const list = byUserModule.get(key);
    if (list) list.push(row);
    else byUserModule.set(key, [row]);
  }
  return learners.map((learner) => {
    const cells = modules.map((m) => cellFor(m, byUserModule.get(`${learner.id}\u0000${m.id}`) ?? []));
    const done = cells.reduce((s, c) => s + c.done, 0);
    const total = cells.reduce((s, c) => s + c.total, 0);
    return {
      learner,
      cells,
      fraction: total === 0 ? 0 : done / total,
      scoreScaled: mean(cells.map((c) => c.scoreScaled).filter((s): s is number => s !== null)),
      durationSeconds: cells.reduce((s, c) => s + c.durationSeconds, 0),
      lastActivity: latest(cells.map((c) => c.lastActivity)),
      modulesCompleted: cells.filter((c) => c.status === 'completed').length,
    };
  });
}

export const SORT_KEYS = ['name', 'progress', 'score', 'time', 'last'] as const;
export type SortKey = (typeof SORT_KEYS)[number] | `module:${string}`;
export type SortDir = 'asc' | 'desc';

/** The sort a query string asks for; anything unknown falls back to names, A to Z. */
export function readSort(sort: unknown, dir: unknown, moduleIds: readonly string[]): { key: SortKey; dir: SortDir } {
  const d: SortDir = dir === 'desc' ? 'desc' : 'asc';
  if (typeof sort === 'string' && (SORT_KEYS as readonly string[]).includes(sort)) return { key: sort as SortKey, dir: d };
  if (typeof sort === 'string' && sort.startsWith('module:') && moduleIds.includes(sort.slice(7))) return { key: sort as SortKey, dir: d };
  return { key: 'name', dir: 'asc' };
}

function sortValue(row: BoardRow, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.learner.name;
    case 'progress':
      return row.fraction;
    case 'score':
      return row.scoreScaled;
    case 'time':
      return row.durationSeconds;
    case 'last':
      return row.lastActivity;
    default: {
      const cell = row.cells.find((c) => c.moduleId === key.slice(7));
      return cell ? cell.fraction + (cell.scoreScaled ?? 0) / 1000 : null;
    }
  }
}

/** Sorted copy; learners without a value (no score, no activity) always come last; ties by name. */
export function sortBoard(rows: readonly BoardRow[], key: SortKey, dir: SortDir): BoardRow[] {
  const sign = dir === 'desc' ? -1 : 1;
  const byName = (a: BoardRow, b: BoardRow) => compareNames(a.learner.name, b.learner.name);
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const order = typeof va === 'string' && typeof vb === 'string' && key === 'name' ? compareNames(va, vb) : va < vb ? -1 : va > vb ? 1 : 0;
    return order !== 0 ? order * sign : byName(a, b);
  });
}
