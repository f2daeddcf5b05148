import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type request from 'supertest';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { synthesizedAudioPath } from '../../src/server/roleplay/voices/line-audio.ts';
import type { Statement } from '../../src/lrs/index.ts';
import { COURSES_DIR } from '../courses/fixtures.ts';
import { fixtureText, loadMini } from '../roleplay/helpers.ts';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../helpers/app.ts';

export const MODULE_ID = 'appels-essai';
export const ITEM_ID = 'appel-livraison';
export const START = new Date('2026-11-26T09:00:00.000Z');

const MODULE_YAML = `id: ${MODULE_ID}
title: Appels d'essai
summary: Un module qui ne contient qu'une mise en situation.
duration_minutes: 20
level: débutant
competencies: [CCP1.1, T2]
items:
  - id: ${ITEM_ID}
    type: roleplay
    title: Appel de test
    file: roleplays/mini.yaml
    competencies: [CCP1.1, T2]
`;

/** A tiny valid WAV file (8-bit mono, a few samples): the synthesized voice of the first line. */
export const FIRST_LINE_WAV = (() => {
  const data = Buffer.from([128, 140, 120, 128]);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
})();

/** The courses library on disk: the shipped framework and one module with the "mini" scenario (or a variant of it). */
export function writeCallLibrary(root: string, scenarioText = fixtureText('mini')): void {
  fs.copyFileSync(path.join(COURSES_DIR, 'competences.yaml'), path.join(root, 'competences.yaml'));
  const dir = path.join(root, MODULE_ID);
  fs.mkdirSync(path.join(dir, 'roleplays'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'module.yaml'), MODULE_YAML);
  fs.writeFileSync(path.join(dir, 'roleplays', 'mini.yaml'), scenarioText);
  const scenario = loadMini();
  const wav = path.join(dir, synthesizedAudioPath(scenario.persona.voice, "Bonjour, j'appelle pour ma commande."));
  fs.mkdirSync(path.dirname(wav), { recursive: true });
  fs.writeFileSync(wav, FIRST_LINE_WAV);
}

/** Puts a learner in a new cohort that follows the module (learning area tables). */
export async function assignModule(t: TestApp, userId: string, moduleId = MODULE_ID): Promise<void> {
  const cohortId = crypto.randomUUID();
  await t.ctx.repositories.cohorts.insert({ id: cohortId, name: `Groupe ${cohortId.slice(0, 4)}`, startDate: '2026-11-01', endDate: '2027-03-01', createdAt: START.toISOString() });
  await t.ctx.repositories.cohorts.addMember(cohortId, userId, 'learner');
  await t.ctx.database.db.insertInto('cohort_modules').values({ cohort_id: cohortId, module_id: moduleId, position: 1, prerequisite_module_id: null, assigned_at: START.toISOString() }).execute();
}

export interface CallBed {
  t: TestApp;
  learnerId: string;
  otherId: string;
  learner: request.Agent;
  other: request.Agent;
  /** Moves the test clock to START + seconds. */
  at(seconds: number): void;
  close(): Promise<void>;
}

/** The real app with the module imported and two learners who both follow it. */
export async function callBed(scenarioText?: string): Promise<CallBed> {
  const t = await createTestApp();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-calls-'));
  writeCallLibrary(root, scenarioText);
  const report = await importCourseLibrary(t.ctx.database.db, root, t.clock.now);
  if (report.errors.length > 0) throw new Error(JSON.stringify(report.errors));
  const learner = await createUser(t.ctx, 'learner', 'stagiaire-a');
  const other = await createUser(t.ctx, 'learner', 'stagiaire-b');
  await assignModule(t, learner.id);
  await assignModule(t, other.id);
  return {
    t,
    learnerId: learner.id,
    otherId: other.id,
    learner: await loginAs(t.app, 'stagiaire-a'),
    other: await loginAs(t.app, 'stagiaire-b'),
    at: (seconds) => t.clock.set(new Date(START.getTime() + seconds * 1000)),
    close: async () => {
      fs.rmSync(root, { recursive: true, force: true });
      await t.close();
    },
  };
}

/** Picks up the phone on the test item; returns the call id. */
export async function startTestCall(agent: request.Agent): Promise<string> {
  const csrf = await csrfFrom(agent, `/learner/calls/start?module=${MODULE_ID}&item=${ITEM_ID}`);
  const res = await agent.post('/learner/calls/start').type('form').send({ _csrf: csrf, module: MODULE_ID, item: ITEM_ID });
  if (res.status !== 303) throw new Error(`start failed: ${res.status}`);
  return String(res.headers.location).split('/').pop() as string;
}

/** Posts a turn form with the page's CSRF token. */
export async function postTurn(agent: request.Agent, callId: string, fields: Record<string, string | number>): Promise<request.Response> {
  const csrf = await csrfFrom(agent, '/learner/calls');
  return agent.post(`/learner/calls/${callId}/turn`).type('form').send({ _csrf: csrf, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])) });
}

export async function statementsOf(t: TestApp, registration: string): Promise<Statement[]> {
  return (await t.ctx.lrs.service.queryStatements({ registration, limit: 500 })).statements;
}

export async function storedCall(t: TestApp, callId: string): Promise<{ status: string; state_json: string; registration: string; revision: number }> {
  return (await t.ctx.database.db.selectFrom('roleplay_calls').select(['status', 'state_json', 'registration', 'revision']).where('id', '=', callId).executeTakeFirstOrThrow()) as {
    status: string; state_json: string; registration: string; revision: number;
  };
}

export const page = (html: string) => cheerio.load(html);

/** Says the line that reads `text` at this turn: finds its button on the player page and posts its value. */
export async function say(agent: request.Agent, callId: string, turn: number, text: string): Promise<request.Response> {
  return postTurn(agent, callId, { turn, choice: await choiceReading(agent, callId, text) });
}

/** The value to post for the line that reads `text` on the player page (its position on screen). */
export async function choiceReading(agent: request.Agent, callId: string, text: string): Promise<number> {
  const $ = page((await agent.get(`/learner/calls/${callId}`)).text);
  const button = $('button[name=choice]').filter((_, el) => $(el).text().trim() === text);
  if (button.length !== 1) throw new Error(`no line reads "${text}" on the player page`);
  return Number(button.val());
}
