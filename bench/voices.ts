/**
 * npm run bench:voices — how long "Écouter" takes for every text block of every shipped lesson.
 *   BENCH_PACE (normal | slow, default normal), COURSES_DIR (default courses)
 * For each block, in one run on this machine:
 *   floor  — a bare espeak-ng invocation on the same words (spawn, synthesis, WAV on stdout);
 *   first  — the server's path on an empty cache: espeak-ng, trim and downsample, write the file;
 *   cached — the same request again: the file read from the cache.
 * Prints one line per block, then the medians, 95th percentiles and maxima, and how many first
 * requests took more than 1 s (the budget). Times are wall-clock; nothing is asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCourseLibrary } from '../src/server/courses/load-library.ts';
import { espeak } from '../src/server/speech/espeak.ts';
import { htmlBlocks } from '../src/server/speech/html-blocks.ts';
import { SpeechCache } from '../src/server/speech/speech-cache.ts';
import { speechOf } from '../src/server/speech/speech-key.ts';
import { isSpeechPace, readerArguments } from '../src/server/speech/speech-pace.ts';
import { registerSpeech } from '../src/server/speech/speech-texts.ts';

const pace = isSpeechPace(process.env.BENCH_PACE) ? process.env.BENCH_PACE : 'normal';
const library = await loadCourseLibrary(process.env.COURSES_DIR ?? 'courses');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-voices-'));
const cache = new SpeechCache(dir);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

interface Row { where: string; words: number; floor: number; first: number; cached: number }
const rows: Row[] = [];
for (const { module } of library.modules) {
  for (const item of module.items) {
    if (item.type !== 'lesson') continue;
    item.lesson.pages.forEach((page, p) => {
      const texts = [page.title, ...htmlBlocks(page.html).map((b) => b.text)].filter((x) => x.trim() !== '');
      texts.forEach((text, b) => rows.push({ where: `${module.id}/${item.id} p${p + 1} b${b + 1}`, words: text.split(/\s+/).length, floor: 0, first: 0, cached: 0, text } as Row & { text: string }));
    });
  }
}
console.log(`bench:voices — ${rows.length} blocks, pace ${pace}, espeak-ng ${readerArguments(pace).join(' ')}, ${os.cpus().length} cores`);
console.log('block'.padEnd(60), 'words'.padStart(5), 'floor ms'.padStart(9), 'first ms'.padStart(9), 'cached ms'.padStart(10));
for (const row of rows as Array<Row & { text: string }>) {
  let start = process.hrtime.bigint();
  await espeak(readerArguments(pace), speechOf(row.text));
  row.floor = ms(start);
  const key = registerSpeech(row.text, pace);
  start = process.hrtime.bigint();
  await cache.audio(key);
  row.first = ms(start);
  start = process.hrtime.bigint();
  await cache.audio(key);
  row.cached = ms(start);
  console.log(row.where.slice(0, 60).padEnd(60), String(row.words).padStart(5), row.floor.toFixed(1).padStart(9), row.first.toFixed(1).padStart(9), row.cached.toFixed(2).padStart(10));
}
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} · p95 ${at(0.95).toFixed(1)} · max ${sorted[sorted.length - 1].toFixed(1)} ms`;
};
console.log('');
console.log(`floor  (bare espeak-ng): ${stats(rows.map((r) => r.floor))}`);
console.log(`first  (empty cache)   : ${stats(rows.map((r) => r.first))}`);
console.log(`cached (file read)     : ${stats(rows.map((r) => r.cached))}`);
console.log(`first requests over 1 s: ${rows.filter((r) => r.first > 1000).length}/${rows.length}; cache ${(fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0) / 1024 / 1024).toFixed(1)} MB`);
fs.rmSync(dir, { recursive: true, force: true });
