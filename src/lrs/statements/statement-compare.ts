/**
 * Pure: are two statements "the same statement"? (xAPI 2.0 Data 2.3.1 Statement comparison.)
 * Used for re-posting an existing id (same: no-op, different: 409) and for signatures. The
 * properties the LRS sets or may reformat are ignored.
 */
import { isObject, type JsonObject } from '../types.ts';

const IGNORED = new Set(['authority', 'stored', 'version', 'attachments']);

function normalise(value: unknown, ignore: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, new Set()));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) {
    if (ignore.has(key)) continue;
    out[key] = normalise(value[key], new Set());
  }
  return out;
}

/** xAPI 2.0 Data 4.6: durations are compared to 0.01 s precision. */
export function truncateDuration(duration: string): string {
  return duration.replace(/(\d+)\.(\d+)S$/, (_m, whole: string, fraction: string) => {
    const hundredths = fraction.slice(0, 2).replace(/0+$/, '');
    return hundredths ? `${whole}.${hundredths}S` : `${whole}S`;
  });
}

function comparable(statement: JsonObject, ignoreTimestamp: boolean, ignoreId: boolean): string {
  const ignore = new Set(IGNORED);
  if (ignoreTimestamp) ignore.add('timestamp');
  if (ignoreId) ignore.add('id');
  const value = normalise(statement, ignore) as JsonObject;
  if (typeof value.id === 'string') value.id = value.id.toLowerCase();
  if (isObject(value.result) && typeof value.result.duration === 'string') {
    value.result = { ...value.result, duration: truncateDuration(value.result.duration) };
  }
  if (typeof value.timestamp === 'string') {
    const ms = Date.parse(value.timestamp);
    if (Number.isFinite(ms)) value.timestamp = ms;
  }
  return JSON.stringify(value);
}

/** `incoming` as received, `existing` as stored: a missing timestamp or id in `incoming` matches any. */
export function sameStatement(incoming: JsonObject, existing: JsonObject): boolean {
  const ignoreTimestamp = incoming.timestamp === undefined;
  const ignoreId = incoming.id === undefined;
  return comparable(incoming, ignoreTimestamp, ignoreId) === comparable(existing, ignoreTimestamp, ignoreId);
}
