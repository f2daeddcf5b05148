import type { Chart } from './chart.ts';
import { chartId, escapeXml, px } from './svg.ts';

export type HeatLevel = 'acquis' | 'en_cours' | 'non_acquis' | 'none';

export interface HeatMapInput {
  id: string;
  title: string;
  desc: string;
  /** Column headings (e.g. competency codes) and their long names for tooltips. */
  columns: Array<{ key: string; label: string; name: string }>;
  rows: Array<{ label: string; cells: Record<string, HeatLevel> }>;
  /** Text of each level, as written in the table and the tooltips. */
  levelText: Record<HeatLevel, string>;
  rowHeader: string;
}

/** Fill colours, with a pattern-free contrast ramp; the text alternative carries the meaning. */
export const HEAT_COLOURS: Record<HeatLevel, string> = {
  acquis: '#1e6b34',
  en_cours: '#e0a800',
  non_acquis: '#c8102e',
  none: '#e8edf1',
};

/** A glyph in each cell so that the level does not rest on colour alone. */
const GLYPHS: Record<HeatLevel, string> = { acquis: '✓', en_cours: '…', non_acquis: '✗', none: '' };
const GLYPH_FILL: Record<HeatLevel, string> = { acquis: '#ffffff', en_cours: '#1a1a1a', non_acquis: '#ffffff', none: '#1a1a1a' };

const CELL = 28;
const LABEL_W = 150;
const HEADER_H = 56;

/** A grid of learners x competencies coloured by level. */
export function heatMap(input: HeatMapInput): Chart {
  const id = chartId('heat', input.id);
  const width = LABEL_W + input.columns.length * CELL + 4;
  const height = HEADER_H + input.rows.length * CELL + 4;
  const headers = input.columns
    .map((c, i) => {
      const x = LABEL_W + i * CELL + CELL / 2;
      return `<text x="${px(x)}" y="${HEADER_H - 6}" font-size="11" text-anchor="start" transform="rotate(-55 ${px(x)} ${HEADER_H - 6})" fill="#1a1a1a">${escapeXml(c.label)}</text>`;
    })
    .join('');
  const rows = input.rows
    .map((row, r) => {
      const y = HEADER_H + r * CELL;
      const label = `<text x="${LABEL_W - 6}" y="${px(y + CELL / 2 + 4)}" font-size="12" text-anchor="end" fill="#1a1a1a">${escapeXml(row.label)}</text>`;
      const cells = input.columns
        .map((c, i) => {
          const level = row.cells[c.key] ?? 'none';
          const x = LABEL_W + i * CELL;
          const tip = `<title>${escapeXml(`${row.label}, ${c.name} : ${input.levelText[level]}`)}</title>`;
          const glyph = GLYPHS[level] ? `<text x="${px(x + CELL / 2)}" y="${px(y + CELL / 2 + 5)}" font-size="14" text-anchor="middle" fill="${GLYPH_FILL[level]}" aria-hidden="true">${GLYPHS[level]}</text>` : '';
          return `<g><rect x="${x + 1}" y="${y + 1}" width="${CELL - 2}" height="${CELL - 2}" fill="${HEAT_COLOURS[level]}"/>${glyph}${tip}</g>`;
        })
        .join('');
      return label + cells;
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-heat" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeXml(input.title)}</title><desc id="${id}-d">${escapeXml(input.desc)}</desc>${headers}${rows}</svg>`;
  return {
    svg,
    table: {
      caption: input.title,
      headers: [input.rowHeader, ...input.columns.map((c) => c.label)],
      rows: input.rows.map((row) => [row.label, ...input.columns.map((c) => input.levelText[row.cells[c.key] ?? 'none'])]),
    },
  };
}
