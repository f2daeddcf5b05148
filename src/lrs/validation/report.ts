/** One rule broken by a statement: where (JSON path) and what (plain English). */
export interface ValidationIssue {
  path: string;
  rule: string;
}

export type XapiVersion = '1.0' | '2.0';

/** At most this many issues are kept per value, so a huge bad batch cannot make a huge error body. */
export const MAX_ISSUES = 50;

/** Accumulates issues while one value is walked; every check appends here instead of throwing. */
export interface Report {
  readonly version: XapiVersion;
  readonly issues: ValidationIssue[];
  /** Set when issues beyond MAX_ISSUES were dropped. */
  truncated?: boolean;
}

export function fail(report: Report, path: string, rule: string): void {
  if (report.issues.length < MAX_ISSUES) report.issues.push({ path, rule });
  else report.truncated = true;
}
