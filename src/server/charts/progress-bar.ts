import { escapeXml, px } from './svg.ts';

const WIDTH = 120;
const HEIGHT = 14;

/**
 * A small horizontal progress bar. It is a picture of a figure that is always written next to
 * it, so its own text (title) repeats that figure for screen readers that announce images.
 */
export function progressBar(fraction: number, label: string): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-progress" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">` +
    `<title>${escapeXml(label)}</title>` +
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" rx="7" fill="#dfe5ea"/>` +
    (f > 0 ? `<rect x="0" y="0" width="${px(WIDTH * f)}" height="${HEIGHT}" rx="7" fill="#1e6b34"/>` : '') +
    `</svg>`
  );
}
