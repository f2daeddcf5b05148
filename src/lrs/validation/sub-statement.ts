/** SubStatements: validated as statements, without id, stored, version or authority, and never nested. */
import type { JsonObject } from './json.ts';
import { fail, type Report } from './report.ts';
import { checkStatementCore } from './statement-core.ts';
import { checkKeys } from './strict-keys.ts';

const SUB_STATEMENT_KEYS: ReadonlySet<string> = new Set(['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']);
const FORBIDDEN = ['id', 'stored', 'version', 'authority'] as const;

export function checkSubStatement(report: Report, value: JsonObject, path: string): void {
  for (const key of FORBIDDEN) {
    if (value[key] !== undefined) fail(report, `${path}.${key}`, `a SubStatement must not have "${key}"`);
  }
  const rest: JsonObject = {};
  for (const key in value) if (!(FORBIDDEN as readonly string[]).includes(key)) rest[key] = value[key];
  checkKeys(report, rest, SUB_STATEMENT_KEYS, path, 'a SubStatement');
  checkStatementCore(report, value, path, true);
}
