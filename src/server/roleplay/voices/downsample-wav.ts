/**
 * espeak-ng writes 16-bit mono PCM at 22 050 Hz. Telephone sound needs far less: halving the
 * rate and keeping 8 bits divides the size by four, which keeps the library small in git.
 */
export interface PcmSound {
  sampleRate: number;
  /** Samples from -1 to 1. */
  samples: Float32Array;
}

export function readPcm16Wav(wav: Buffer): PcmSound {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      const format = wav.readUInt16LE(body);
      const channels = wav.readUInt16LE(body + 2);
      const bits = wav.readUInt16LE(body + 14);
      if (format !== 1 || channels !== 1 || bits !== 16) throw new Error('expected 16-bit mono PCM');
      sampleRate = wav.readUInt32LE(body + 4);
    } else if (id === 'data') {
      // When espeak-ng streams to stdout it cannot seek back to write the size: read to the end.
      const end = Math.min(wav.length, body + size) - ((Math.min(wav.length, body + size) - body) % 2);
      const samples = new Float32Array((end - body) / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = wav.readInt16LE(body + i * 2) / 32768;
      if (!sampleRate) throw new Error('WAV data before its format');
      return { sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV without data');
}

/** Averages each pair of samples (a simple low-pass that avoids aliasing), halving the rate. */
export function halveRate(sound: PcmSound): PcmSound {
  const samples = new Float32Array(Math.floor(sound.samples.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = (sound.samples[2 * i] + sound.samples[2 * i + 1]) / 2;
  return { sampleRate: sound.sampleRate / 2, samples };
}

/** 8-bit unsigned mono PCM WAV, which every browser plays. */
export function writePcm8Wav(sound: PcmSound): Buffer {
  const data = Buffer.alloc(sound.samples.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(sound.samples[i] * 127.5 + 128)));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sound.sampleRate, 24);
  header.writeUInt32LE(sound.sampleRate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Trims the silence espeak-ng leaves at both ends (below about -46 dB). */
export function trimSilence(sound: PcmSound, threshold = 0.005): PcmSound {
  let start = 0;
  let end = sound.samples.length;
  while (start < end && Math.abs(sound.samples[start]) < threshold) start++;
  while (end > start && Math.abs(sound.samples[end - 1]) < threshold) end--;
  return { sampleRate: sound.sampleRate, samples: sound.samples.slice(start, end) };
}

/** Scales to a peak of `peak`, so that 8-bit quantisation noise stays far below the voice. */
export function normalisePeak(sound: PcmSound, peak = 0.9): PcmSound {
  const max = sound.samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (max === 0) return sound;
  return { sampleRate: sound.sampleRate, samples: sound.samples.map((v) => (v * peak) / max) };
}

/** Part of every file name's hash: changing how files are made regenerates them. */
export const AUDIO_FORMAT = 'wav-u8-half-rate-v1';

export function compactTelephoneWav(espeakWav: Buffer): Buffer {
  return writePcm8Wav(normalisePeak(halveRate(trimSilence(readPcm16Wav(espeakWav)))));
}
