/** Statement References: {"objectType": "StatementRef", "id": UUID}. */
import { describe, isObject } from './json.ts';
import { fail, type Report } from './report.ts';
import { checkKeys } from './strict-keys.ts';
import { checkUuid } from './uuid.ts';

const STATEMENT_REF_KEYS: ReadonlySet<string> = new Set(['objectType', 'id']);

export function checkStatementRef(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be a Statement Reference {"objectType": "StatementRef", "id": UUID}, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, STATEMENT_REF_KEYS, path, 'a Statement Reference');
  if (value.objectType !== 'StatementRef') {
    fail(report, `${path}.objectType`, value.objectType === undefined ? 'is required and must be "StatementRef"' : `must be "StatementRef", not ${describe(value.objectType)}`);
  }
  if (value.id === undefined) fail(report, `${path}.id`, 'is required in a Statement Reference');
  else checkUuid(report, value.id, `${path}.id`);
}
