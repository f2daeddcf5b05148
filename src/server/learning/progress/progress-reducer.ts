import { parseItemActivityId } from '../../xapi/activity-ids.ts';
import { VERBS } from '../../xapi/vocabulary.ts';
import { isObject, type Statement } from '../../../lrs/types.ts';
import { durationSeconds } from '../xapi/statement-builder.ts';
import { progressKey, type ItemProgress, type ProgressStatus } from './item-progress.ts';

/**
 * The rules that turn statements into learner_item_progress rows (pure; documented in
 * docs/xapi-profile.md, "Progress"). The subscriber applies them one statement at a time; a
 * rebuild folds all of a learner's statements in stored order and must give the same rows.
 *
 * - Only statements whose actor is an account of this instance and whose object is one of our
 *   item IRIs (or a part of one) count.
 * - Item-level completed / passed / failed give that status; any other of our verbs on the item
 *   or a part means "in_progress". A status never goes down: passed > completed > failed >
 *   in_progress > not_started.
 * - Score: the best result.score.scaled of an item-level completed/passed/failed statement.
 * - Duration: the sum of result.duration of those statements.
 * - Attempts: item-level launched/initialized statements whose registration differs from the
 *   last one seen on the item.
 */
const RANK: Record<ProgressStatus, number> = { not_started: 0, in_progress: 1, failed: 2, completed: 3, passed: 4 };
const TERMINAL = new Map<string, ProgressStatus>([
  [VERBS.completed.id, 'completed'],
  [VERBS.passed.id, 'passed'],
  [VERBS.failed.id, 'failed'],
]);
const STARTS = new Set<string>([VERBS.launched.id, VERBS.initialized.id]);
const OURS = new Set<string>(Object.values(VERBS).map((v) => v.id));

export interface ProgressTouch {
  userId: string;
  moduleId: string;
  itemId: string;
  itemLevel: boolean;
  verb: string;
}

/** Which projection row a statement touches, or null when it does not concern the projection. */
export function touchOf(baseUrl: string, statement: Statement): ProgressTouch | null {
  const actor = statement.actor;
  const object = statement.object;
  const verb = isObject(statement.verb) ? statement.verb.id : undefined;
  if (!isObject(actor) || !isObject(actor.account) || !isObject(object) || typeof verb !== 'string' || !OURS.has(verb)) return null;
  if (object.objectType !== undefined && object.objectType !== 'Activity') return null;
  const home = baseUrl.replace(/\/+$/, '');
  if (actor.account.homePage !== home || typeof actor.account.name !== 'string') return null;
  const parsed = typeof object.id === 'string' ? parseItemActivityId(home, object.id) : null;
  if (!parsed) return null;
  return { userId: actor.account.name, moduleId: parsed.moduleId, itemId: parsed.itemId, itemLevel: parsed.partId === undefined, verb };
}

function registrationOf(statement: Statement): string | null {
  const context = statement.context;
  return isObject(context) && typeof context.registration === 'string' ? context.registration.toLowerCase() : null;
}

function scaledOf(statement: Statement): number | null {
  const result = statement.result;
  if (!isObject(result) || !isObject(result.score) || typeof result.score.scaled !== 'number') return null;
  return result.score.scaled;
}

export function emptyProgress(touch: Pick<ProgressTouch, 'userId' | 'moduleId' | 'itemId'>, updatedAt: string): ItemProgress {
  return { userId: touch.userId, moduleId: touch.moduleId, itemId: touch.itemId, status: 'not_started', scoreScaled: null, attempts: 0, durationSeconds: 0, lastRegistration: null, updatedAt };
}

/** Pure: the row after one more statement. */
export function applyStatement(row: ItemProgress, touch: ProgressTouch, statement: Statement): ItemProgress {
  const next = { ...row, updatedAt: statement.stored ?? statement.timestamp };
  const registration = registrationOf(statement);
  const terminal = touch.itemLevel ? TERMINAL.get(touch.verb) : undefined;
  const status: ProgressStatus = terminal ?? 'in_progress';
  if (RANK[status] > RANK[next.status]) next.status = status;
  if (terminal) {
    const scaled = scaledOf(statement);
    if (scaled !== null && (next.scoreScaled === null || scaled > next.scoreScaled)) next.scoreScaled = scaled;
    const result = statement.result;
    next.durationSeconds += Math.round(isObject(result) ? durationSeconds(result.duration) : 0);
  }
  if (touch.itemLevel && STARTS.has(touch.verb) && (registration === null || registration !== row.lastRegistration)) next.attempts += 1;
  if (registration !== null) next.lastRegistration = registration;
  return next;
}

/** Pure: the whole projection from a list of statements in stored order (the rebuild). */
export function foldProgress(baseUrl: string, statements: readonly Statement[]): Map<string, ItemProgress> {
  const rows = new Map<string, ItemProgress>();
  for (const statement of statements) {
    const touch = touchOf(baseUrl, statement);
    if (!touch) continue;
    const key = progressKey(touch);
    rows.set(key, applyStatement(rows.get(key) ?? emptyProgress(touch, statement.stored), touch, statement));
  }
  return rows;
}
