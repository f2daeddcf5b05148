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
  /** Axes with their titles (and the unit), graduations and some bar labels under the bars. */
  axes?: BarAxes;
}

export interface BarAxes {
  /** E.g. "Heures": the value axis, with its unit. */
  valueTitle: string;
  /** E.g. "Semaine (du lundi)". */
  labelTitle: string;
  /** Graduations, in the bars' unit, from 0 up; the highest is the top of the scale. */
  ticks: number[];
  tickText: (value: number) => string;
  /** The text under bar `index`, or null for none (every bar labelled would not fit). */
  labelText: (index: number) => string | null;
}

const HEIGHT = 140;
const BAR_AREA = 110;
const BAR_WIDTH = 18;
const GAP = 6;

/** A vertical bar chart, one bar per label (e.g. time spent per week). */
export function barChart(input: BarChartInput): Chart {
  if (input.axes) return barChartWithAxes(input, input.axes);
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

const LEFT = 58;
const BOTTOM = 44;
const TOP = 12;

/** The same bars on a graduated value axis, with axis titles and labels under some bars. */
function barChartWithAxes(input: BarChartInput, axes: BarAxes): Chart {
  const id = chartId('bar', input.id);
  const max = Math.max(0, ...input.bars.map((b) => b.value));
  const top = Math.max(max, ...axes.ticks, 1);
  const width = LEFT + Math.max(1, input.bars.length) * (BAR_WIDTH + GAP) + GAP;
  const height = TOP + BAR_AREA + BOTTOM;
  const base = TOP + BAR_AREA;
  const y = (v: number) => base - (v / top) * BAR_AREA;
  const grid = axes.ticks
    .map((tick) => `<line x1="${LEFT}" y1="${px(y(tick))}" x2="${width}" y2="${px(y(tick))}" stroke="#d0d4d8" stroke-width="1"/><text class="chart-tick" x="${LEFT - 6}" y="${px(y(tick) + 4)}" text-anchor="end" font-size="11" fill="#4a4a4a">${escapeXml(axes.tickText(tick))}</text>`)
    .join('');
  const bars = input.bars
    .map((bar, index) => {
      const value = Math.max(0, bar.value);
      const h = (value / top) * BAR_AREA;
      const x = LEFT + GAP + index * (BAR_WIDTH + GAP);
      const label = axes.labelText(index);
      const under = label === null ? '' : `<text class="chart-label" x="${px(x + BAR_WIDTH / 2)}" y="${base + 14}" text-anchor="middle" font-size="10" fill="#4a4a4a">${escapeXml(label)}</text>`;
      return `<rect x="${px(x)}" y="${px(base - h)}" width="${BAR_WIDTH}" height="${px(h)}" fill="#0b4f6c"><title>${escapeXml(`${bar.label} : ${input.format(value)}`)}</title></rect>${under}`;
    })
    .join('');
  const frame = `<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${base}" stroke="#4a4a4a" stroke-width="1"/><line x1="${LEFT}" y1="${base}" x2="${width}" y2="${base}" stroke="#4a4a4a" stroke-width="1"/>`;
  const titles =
    `<text class="chart-axis-title" x="12" y="${px(TOP + BAR_AREA / 2)}" text-anchor="middle" font-size="11" fill="#1a1a1a" transform="rotate(-90 12 ${px(TOP + BAR_AREA / 2)})">${escapeXml(axes.valueTitle)}</text>` +
    `<text class="chart-axis-title" x="${px(LEFT + (width - LEFT) / 2)}" y="${height - 6}" text-anchor="middle" font-size="11" fill="#1a1a1a">${escapeXml(axes.labelTitle)}</text>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bar" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeXml(input.title)}</title><desc id="${id}-d">${escapeXml(input.desc)}</desc>${grid}${frame}${bars}${titles}</svg>`;
  return {
    svg,
    table: { caption: input.title, headers: [input.labelHeader, input.valueHeader], rows: input.bars.map((b) => [b.label, input.format(Math.max(0, b.value))]) },
  };
}

/** Graduations for hours: 0 and up to 4 steps of 0.5, 1, 2, 5, 10… hours covering `maxSeconds`. */
export function hourTicks(maxSeconds: number): number[] {
  const hours = Math.max(0, maxSeconds) / 3600;
  const step = [0.5, 1, 2, 5, 10, 20, 50, 100].find((s) => Math.ceil(hours / s) <= 4) ?? 100;
  const count = Math.max(1, Math.ceil(hours / step));
  return Array.from({ length: count + 1 }, (_, i) => i * step * 3600);
}
