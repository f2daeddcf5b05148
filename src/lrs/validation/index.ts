/**
 * Pure xAPI statement validation (xAPI 1.0.3 Data rules, and the 2.0 rules where they differ).
 * Nothing here throws on bad input: every broken rule becomes one ValidationIssue.
 */
import { checkAgentOrGroup } from './agent.ts';
import { MAX_ISSUES, type Report, type ValidationIssue, type XapiVersion } from './report.ts';
import { checkStatement } from './statement.ts';

export type { ValidationIssue, XapiVersion } from './report.ts';
export { isIri } from './iri.ts';
export { isUuid } from './uuid.ts';
export { isLanguageTag } from './language-tag.ts';
export { isDuration } from './duration.ts';
export { parseTimestamp } from './timestamp.ts';

export interface ValidationOptions {
  version: XapiVersion;
  /** Root of the JSON paths in issues; "statement" by default (e.g. "statements[3]" in a batch). */
  path?: string;
}

function run(options: ValidationOptions, defaultPath: string, check: (report: Report, path: string) => void): ValidationIssue[] {
  const report: Report = { version: options.version, issues: [] };
  const path = options.path ?? defaultPath;
  try {
    check(report, path);
  } catch (error) {
    // Defensive: a bug here must become a 400 naming the statement, never a 500.
    report.issues.push({ path, rule: `could not be validated (${error instanceof Error ? error.message : String(error)})` });
  }
  if (report.truncated) report.issues.push({ path, rule: `has more problems; only the first ${MAX_ISSUES} are listed` });
  return report.issues;
}

/** Validates one xAPI statement; returns [] when it is valid. */
export function validateStatement(value: unknown, options: ValidationOptions): ValidationIssue[] {
  return run(options, 'statement', (report, path) => checkStatement(report, value, path));
}

/** Validates an Agent or Group given as a query parameter (e.g. GET /statements?agent=...). */
export function validateAgentParameter(value: unknown, options: ValidationOptions): ValidationIssue[] {
  return run(options, 'agent', (report, path) => checkAgentOrGroup(report, value, path));
}

/** One line per issue, "path: rule", for error bodies and logs. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.rule}`).join('\n');
}
