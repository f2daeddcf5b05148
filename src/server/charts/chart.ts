/**
 * Every chart is an accessible SVG made on the server (no script): it carries a <title> and a
 * <desc>, and comes with the same figures as a table for readers who cannot see it.
 */
export interface DataTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

export interface Chart {
  /** Serialised <svg> element, safe to insert as is (every text is escaped). */
  svg: string;
  table: DataTable;
}
