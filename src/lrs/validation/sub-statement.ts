/** SubStatements: validated as statements, without id, stored, version or authority, and never nested. */
import type { JsonObject } from './json.ts';
import { fail, type Report } from './report.ts';
import { checkStatementCore } from './statement-core.ts';
import { checkKeys } from './strict-keys.ts';

const FORBIDDEN = ['id', 'stored', 'version', 'authority'] as const;
const SUB_STATEMENT_KEYS: ReadonlySet<string> = new Set(['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']);
/** The forbidden statement properties get their own message below, so checkKeys lets them through. */
const NOT_UNKNOWN: ReadonlySet<string> = new Set([...SUB_STATEMENT_KEYS, ...FORBIDDEN]);

export function checkSubStatement(report: Report, value: JsonObject, path: string): void {
  checkKeys(report, value, NOT_UNKNOWN, path, 'a SubStatement', SUB_STATEMENT_KEYS);
  for (const key of FORBIDDEN) {
    if (value[key] !== undefined) fail(report, `${path}.${key}`, `a SubStatement must not have "${key}"`);
  }
  checkStatementCore(report, value, path, true);
}
