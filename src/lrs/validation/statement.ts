/** A whole Statement: the shared core plus id, stored, authority and version, and the voiding rule. */
import { checkAuthority } from './agent.ts';
import { describe, isObject } from './json.ts';
import { fail, type Report } from './report.ts';
import { checkStatementCore } from './statement-core.ts';
import { checkKeys } from './strict-keys.ts';
import { checkTimestamp } from './timestamp.ts';
import { checkUuid } from './uuid.ts';
import { VOIDED_VERB } from './verb.ts';
import { checkVersion } from './version.ts';

const STATEMENT_KEYS: ReadonlySet<string> = new Set([
  'id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments',
]);

export function checkStatement(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be a statement object, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, STATEMENT_KEYS, path, 'a statement');
  if (value.id !== undefined) checkUuid(report, value.id, `${path}.id`);
  const kind = checkStatementCore(report, value, path, false);
  if (value.stored !== undefined) checkTimestamp(report, value.stored, `${path}.stored`);
  if (value.authority !== undefined) checkAuthority(report, value.authority, `${path}.authority`);
  if (value.version !== undefined) checkVersion(report, value.version, `${path}.version`);
  const verb = value.verb;
  if (isObject(verb) && verb.id === VOIDED_VERB && kind !== 'StatementRef' && kind !== 'invalid') {
    fail(report, `${path}.object`, `a voiding statement (verb ${VOIDED_VERB}) must have a StatementRef as its object`);
  }
}
