/** Small helpers shared by the chart functions: escaping and number formatting for SVG text. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Coordinates rounded to one decimal: shorter markup, same picture. */
export const px = (n: number): string => String(Math.round(n * 10) / 10);

/** A unique-enough id prefix per chart so that several charts on one page keep distinct ids. */
export function chartId(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
