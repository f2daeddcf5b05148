/**
 * How long a WAV file plays, in ms, from its header alone (the byte rate of its `fmt ` chunk and
 * the size of its `data` chunk). null when it is not a WAV file we can read: the caller then
 * treats the line as silent and the learner's time starts at once.
 */
export function wavDurationMs(file: Uint8Array): number | null {
  const wav = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (wav.length < 12 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') return null;
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && body + 12 <= wav.length) byteRate = wav.readUInt32LE(body + 8);
    if (id === 'data') {
      if (byteRate <= 0) return null;
      // A streamed file may carry a size bigger than what follows: count only the bytes present.
      const bytes = Math.min(size, wav.length - body);
      return Math.round((bytes / byteRate) * 1000);
    }
    offset = body + size + (size % 2);
  }
  return null;
}
