/** A WAV file's header read back by the tests themselves (not with the app's own reader). */
export interface WavHeader {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataBytes: number;
  durationMs: number;
}

export function readWavHeader(file: Buffer): WavHeader {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let offset = 12;
  let fmt: Omit<WavHeader, 'dataBytes' | 'durationMs'> | null = null;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      fmt = { format: file.readUInt16LE(offset + 8), channels: file.readUInt16LE(offset + 10), sampleRate: file.readUInt32LE(offset + 12), bitsPerSample: file.readUInt16LE(offset + 22) };
    } else if (id === 'data') {
      if (!fmt) throw new Error('data before fmt');
      if (offset + 8 + size !== file.length) throw new Error(`data chunk says ${size} bytes, file has ${file.length - offset - 8}`);
      const bytesPerSecond = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8);
      return { ...fmt, dataBytes: size, durationMs: (size / bytesPerSecond) * 1000 };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}
