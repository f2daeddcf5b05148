/** One rule broken by a statement: where (JSON path) and what (plain English). */
export interface ValidationIssue {
  path: string;
  rule: string;
}

export interface ValidationOptions {
  version: '1.0' | '2.0';
  path?: string;
}

/** Validates one xAPI statement against the Data rules; returns [] when it is valid. */
export function validateStatement(value: unknown, options: ValidationOptions): ValidationIssue[] {
  void value;
  void options;
  return [];
}
