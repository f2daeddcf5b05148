/**
 * npm run bench:certificates — milliseconds per certificate and the time to zip a cohort of 24.
 *   BENCH_LEARNERS (default 24)
 * A temporary SQLite database with the shipped course library; each learner gets the result
 * statements of every module item, two role-play calls, attendance and an appraisal. Then:
 *   - issue: evidence from the LRS + snapshot + VC-JWT signature + registry row, per certificate;
 *   - pdf: rendering one stored certificate to PDF (what every download does);
 *   - zip: the cohort's certificates (PDF + JWT each) as one zip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../src/server/config.ts';
import { buildContext } from '../src/server/context.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { migrateToLatest } from '../src/server/db/migrator.ts';
import { createLogger } from '../src/server/logger.ts';
import { importCourseLibrary } from '../src/server/courses/import/import-course-library.ts';
import { CourseRepository } from '../src/server/courses/import/course-repository.ts';
import { APPRAISAL_CRITERIA } from '../src/server/certificates/appraisal.ts';
import { learnerAgent } from '../src/server/xapi/actor.ts';
import { activityIds } from '../src/server/xapi/activity-ids.ts';
import { ACTIVITY_TYPES, EXTENSIONS, profileCategory, VERBS } from '../src/server/xapi/vocabulary.ts';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 24);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cert-'));
const url = `sqlite:${path.join(tmp, 'bench.db')}`;
const baseUrl = 'http://bench.test';

const database = await openDatabase(url);
await migrateToLatest(database);
const config = parseConfig({ DATABASE_URL: url, BASE_URL: baseUrl, LOG_LEVEL: 'error' });
const clock = () => new Date('2026-11-26T10:00:00.000Z');
const ctx = buildContext(config, database, clock, createLogger('error'));
await importCourseLibrary(database.db, config.coursesDir, clock);
const courses = new CourseRepository(database.db);
const ids = activityIds(baseUrl);

const origin = { ip: null, actorId: null };
const { user: trainer } = await ctx.services.accounts.createUser({ role: 'trainer', login: 'bench-trainer', displayName: 'Formateur Banc' }, origin);
const cohort = await ctx.services.cohorts.create({ name: 'Banc', startDate: '2026-03-02', endDate: '2026-11-27' }, origin);
await ctx.certificates.organisation.save({
  ...(await ctx.certificates.organisation.get()),
  name: 'Association Banc d’Essai Formation',
  addressLines: ['1 place de la République', '75003 Paris'],
  city: 'Paris',
  signatoryName: 'Claire Martin',
  signatoryTitle: 'Directrice',
});

const modules = await Promise.all((await courses.listModules()).map(async (m) => (await courses.latestVersion(m.id))!.content));

function statement(userId: string, moduleId: string, itemId: string, type: string, verb: string, scaled: number | null, competencies: string[], at: number, extra: Record<string, unknown> = {}) {
  return {
    actor: learnerAgent(baseUrl, userId),
    verb: { id: verb },
    object: { objectType: 'Activity', id: ids.item(moduleId, itemId), definition: { type } },
    result: { ...(scaled === null ? {} : { score: { scaled } }), completion: true, duration: 'PT12M', ...extra },
    context: {
      registration: crypto.randomUUID(),
      contextActivities: { parent: [{ id: ids.module(moduleId) }], grouping: [{ id: ids.programme() }], category: [profileCategory()] },
      extensions: { [EXTENSIONS.competencies]: competencies, [EXTENSIONS.courseVersion]: 'bench' },
    },
    timestamp: new Date(at).toISOString(),
  };
}

const learnerIds: string[] = [];
for (let n = 0; n < LEARNERS; n++) {
  const { user } = await ctx.services.accounts.createUser({ role: 'learner', login: `bench-${n}`, displayName: `Stagiaire Numéro ${n} Lœuvre` }, origin);
  await ctx.services.cohorts.addMember(cohort.id, user.id, origin);
  learnerIds.push(user.id);
  let at = Date.parse('2026-04-01T09:00:00Z');
  const batch: unknown[] = [];
  for (const m of modules) {
    for (const item of m.items) {
      at += 3_600_000;
      const scored = item.type !== 'lesson';
      const type = item.type === 'roleplay' ? ACTIVITY_TYPES.roleplay : item.type === 'quiz' ? ACTIVITY_TYPES.quiz : item.type === 'lesson' ? ACTIVITY_TYPES.lesson : ACTIVITY_TYPES.exercise;
      const extra = item.type === 'roleplay' ? { extensions: { [EXTENSIONS.phaseScores]: { accueil: 0.8, conclusion: 0.7 } } } : {};
      batch.push(statement(user.id, m.id, item.id, type, scored ? VERBS.passed.id : VERBS.completed.id, scored ? 0.6 + ((n + at / 3_600_000) % 4) / 10 : null, item.competencies, at, extra));
    }
  }
  await ctx.lrs.service.storeStatements(batch);
  await ctx.followup.attendance.save(
    Array.from({ length: 20 }, (_v, d) => ({ userId: user.id, day: `2026-10-${String(d + 1).padStart(2, '0')}`, halfDay: 'am' as const, hours: 3.5 })),
    trainer.id,
    clock().toISOString(),
  );
  await ctx.certificates.release.setLeavingDate(user.id, '2026-11-27', trainer.id);
  await ctx.certificates.release.saveAppraisal(
    user.id,
    APPRAISAL_CRITERIA.map((criterion) => ({ criterion, level: 'satisfaisant' as const, text: 'Régulier, à l’écoute, applique les consignes avec sérieux.' })),
    trainer.id,
  );
}

// Warm-up: the first signature creates the key; the first render parses the fonts.
await ctx.certificates.signingKey();

const issueTimes: number[] = [];
for (const userId of learnerIds) {
  const start = performance.now();
  await ctx.certificates.issuing.issue(userId, trainer.id);
  issueTimes.push(performance.now() - start);
}
const records = await ctx.certificates.registry.list({ cohortId: cohort.id, status: 'valid' }, 1000);
const pdfTimes: number[] = [];
let pdfBytes = 0;
for (const record of records) {
  const start = performance.now();
  const pdf = await ctx.certificates.issuing.pdf(record);
  pdfTimes.push(performance.now() - start);
  pdfBytes += pdf.length;
}
const zipStart = performance.now();
const zip = await ctx.certificates.documents.cohortZip(cohort.id);
const zipMs = performance.now() - zipStart;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (n: number) => n.toFixed(1).padStart(8);
const firstPdf = pdfTimes[0] as number;
process.stdout.write(
  [
    `certificates: ${records.length} learners, ${modules.length} modules, Node ${process.version}`,
    `issue (evidence + snapshot + sign + store)  mean ${fmt(mean(issueTimes))} ms  median ${fmt(median(issueTimes))} ms`,
    `pdf render (first, cold fonts)              ${fmt(firstPdf)} ms`,
    `pdf render (warm)                           mean ${fmt(mean(pdfTimes.slice(1)))} ms  median ${fmt(median(pdfTimes.slice(1)))} ms  (target <= 150 ms)`,
    `per certificate, issue + pdf (warm means)   ${fmt(mean(issueTimes) + mean(pdfTimes.slice(1)))} ms`,
    `cohort zip of ${records.length} (${(zip.length / 1024).toFixed(0)} KB)                ${fmt(zipMs)} ms  (target <= 5000 ms)`,
    `average PDF size ${(pdfBytes / records.length / 1024).toFixed(1)} KB`,
    '',
  ].join('\n'),
);
await database.close();
fs.rmSync(tmp, { recursive: true, force: true });
