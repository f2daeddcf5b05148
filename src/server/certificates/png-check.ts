import zlib from 'node:zlib';

/** The largest logo side, in pixels: far more than a 4 cm logo printed at 300 dpi needs. */
export const LOGO_MAX_SIDE_PX = 2048;

export type PngProblem = 'corrupt' | 'dimensions';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/**
 * What pdfkit's PNG decoder (png-js) would trip on, found before it runs. It decodes the pixels
 * of PNGs with alpha, transparency or interlacing in a zlib callback, where a corrupt stream, an
 * unknown row filter or a size too big to allocate is thrown out of any try: the process dies
 * (the form fuzz found it, issue 13). So: a size within LOGO_MAX_SIDE_PX, known header values,
 * pixel data that inflates, and a valid filter byte at the start of every row.
 */
export function pngProblem(data: Buffer): PngProblem | null {
  if (data.length < 8 || !data.subarray(0, 8).equals(SIGNATURE)) return 'corrupt';
  let pos = 8;
  let header: { width: number; height: number; bitDepth: number; colorType: number; interlace: number } | null = null;
  const idat: Buffer[] = [];
  while (pos + 8 <= data.length) {
    const length = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    const body = data.subarray(pos + 8, pos + 8 + length);
    if (body.length !== length) return 'corrupt';
    if (type === 'IHDR' && length >= 13) {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8], colorType: body[9], interlace: body[12] };
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  if (!header || idat.length === 0) return 'corrupt';
  const { width, height, bitDepth, colorType, interlace } = header;
  if (width < 1 || height < 1 || width > LOGO_MAX_SIDE_PX || height > LOGO_MAX_SIDE_PX) return 'dimensions';
  const channels = CHANNELS[colorType];
  if (!channels || ![1, 2, 4, 8, 16].includes(bitDepth) || interlace > 1) return 'corrupt';
  let pixels: Buffer;
  try {
    pixels = zlib.inflateSync(Buffer.concat(idat));
  } catch {
    return 'corrupt';
  }
  const bitsPerPixel = channels * bitDepth;
  const passes = interlace === 1 ? ADAM7 : [[0, 0, 1, 1] as const];
  let at = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const rowBytes = Math.ceil((w * bitsPerPixel) / 8);
    for (let row = 0; row < h && at < pixels.length; row++) {
      if (pixels[at] > 4) return 'corrupt';
      at += 1 + rowBytes;
    }
  }
  return null;
}
