/** One rule broken by a statement: where (JSON path) and what (plain English). */
export interface ValidationIssue {
  path: string;
  rule: string;
}

export type XapiVersion = '1.0' | '2.0';

/** Accumulates issues while one value is walked; every check appends here instead of throwing. */
export interface Report {
  readonly version: XapiVersion;
  readonly issues: ValidationIssue[];
}

export function fail(report: Report, path: string, rule: string): void {
  report.issues.push({ path, rule });
}
