import type { Chart } from './chart.ts';
import { chartId, escapeXml, px } from './svg.ts';

export interface BarChartInput {
  /** Used to build element ids; unique on the page. */
  id: string;
  title: string;
  desc: string;
  /** Header of the label column and of the value column in the table alternative. */
  labelHeader: string;
  valueHeader: string;
  bars: Array<{ label: string; value: number }>;
  /** How a value is written (on the bar tooltip and in the table), e.g. "2 h 30". */
  format: (value: number) => string;
}

const HEIGHT = 140;
const BAR_AREA = 110;
const BAR_WIDTH = 18;
const GAP = 6;

/** A vertical bar chart, one bar per label (e.g. time spent per week). */
export function barChart(input: BarChartInput): Chart {
  const id = chartId('bar', input.id);
  const max = Math.max(0, ...input.bars.map((b) => b.value));
  const width = Math.max(1, input.bars.length) * (BAR_WIDTH + GAP) + GAP;
  const bars = input.bars
    .map((bar, index) => {
      const value = Math.max(0, bar.value);
      const h = max > 0 ? (value / max) * BAR_AREA : 0;
      const x = GAP + index * (BAR_WIDTH + GAP);
      const y = BAR_AREA - h + 10;
      return `<rect x="${px(x)}" y="${px(y)}" width="${BAR_WIDTH}" height="${px(h)}" fill="#0b4f6c"><title>${escapeXml(`${bar.label} : ${input.format(value)}`)}</title></rect>`;
    })
    .join('');
  const axis = `<line x1="0" y1="${BAR_AREA + 10}" x2="${width}" y2="${BAR_AREA + 10}" stroke="#4a4a4a" stroke-width="1"/>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bar" role="img" viewBox="0 0 ${width} ${HEIGHT}" width="${width}" height="${HEIGHT}" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeXml(input.title)}</title><desc id="${id}-d">${escapeXml(input.desc)}</desc>${axis}${bars}</svg>`;
  return {
    svg,
    table: {
      caption: input.title,
      headers: [input.labelHeader, input.valueHeader],
      rows: input.bars.map((b) => [b.label, input.format(Math.max(0, b.value))]),
    },
  };
}
