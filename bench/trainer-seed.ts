/**
 * Realistic activity for bench:trainer: each learner, each weekday, reads a lesson, takes a quiz,
 * makes a simulated call and does a back-office exercise, through the modules in order at their
 * own pace. Statements have the shape the players write (wave2.md). Deterministic (seeded).
 */
import crypto from 'node:crypto';
import type { ModuleVersion, ModuleItem } from '../src/server/courses/format/types.ts';
import { activityIds } from '../src/server/xapi/activity-ids.ts';
import { learnerAgent } from '../src/server/xapi/actor.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS, profileCategory, type VerbName } from '../src/server/xapi/vocabulary.ts';
import { prng } from './prng.ts';
export { prng };


type Statement = Record<string, unknown>;

const TYPE_OF: Record<ModuleItem['type'], string> = {
  lesson: ACTIVITY_TYPES.lesson,
  quiz: ACTIVITY_TYPES.quiz,
  exercise: ACTIVITY_TYPES.exercise,
  roleplay: ACTIVITY_TYPES.roleplay,
};

export class ActivityGenerator {
  private readonly ids;
  private readonly random: () => number;

  constructor(
    private readonly baseUrl: string,
    private readonly modules: ModuleVersion[],
    seed: number,
  ) {
    this.ids = activityIds(baseUrl);
    this.random = prng(seed);
  }

  private statement(userId: string, verb: VerbName, module: ModuleVersion, item: ModuleItem, registration: string, at: number, extra: { partId?: string; result?: Statement; extensions?: Statement } = {}): Statement {
    const objectId = extra.partId ? this.ids.part(module.id, item.id, extra.partId) : this.ids.item(module.id, item.id);
    const type = extra.partId ? (item.type === 'lesson' ? ACTIVITY_TYPES.lessonPage : ACTIVITY_TYPES.question) : TYPE_OF[item.type];
    return {
      id: crypto.randomUUID(),
      actor: learnerAgent(this.baseUrl, userId),
      verb: { id: VERBS[verb].id, display: { 'fr-FR': VERBS[verb].fr } },
      object: { objectType: 'Activity', id: objectId, definition: { type, name: { 'fr-FR': extra.partId ? `${item.title} (${extra.partId})` : item.title } } },
      ...(extra.result ? { result: extra.result } : {}),
      context: {
        registration,
        contextActivities: {
          parent: [{ objectType: 'Activity', id: this.ids.module(module.id) }],
          grouping: [{ objectType: 'Activity', id: this.ids.programme() }],
          category: [profileCategory()],
        },
        extensions: { [EXTENSIONS.competencies]: item.competencies, [EXTENSIONS.courseVersion]: module.contentHash, ...(extra.extensions ?? {}) },
      },
      timestamp: new Date(at).toISOString(),
    };
  }

  /** One attempt at an item: opening, its parts, and the closing statement with score and duration. */
  attempt(userId: string, module: ModuleVersion, item: ModuleItem, start: number): { statements: Statement[]; end: number } {
    const registration = crypto.randomUUID();
    const out: Statement[] = [this.statement(userId, 'initialized', module, item, registration, start)];
    let at = start;
    const parts = item.type === 'lesson' ? 4 : item.type === 'quiz' ? 8 : item.type === 'exercise' ? 5 : 8;
    const skill = 0.45 + this.random() * 0.5;
    let right = 0;
    for (let p = 0; p < parts; p += 1) {
      const seconds = 20 + Math.floor(this.random() * 90);
      at += seconds * 1000;
      const ok = this.random() < skill;
      if (ok) right += 1;
      if (item.type === 'lesson') {
        out.push(this.statement(userId, 'experienced', module, item, registration, at, { partId: `page-${p + 1}`, result: { duration: `PT${seconds}S` } }));
      } else {
        const words = item.type === 'roleplay' ? 'Bonjour madame, je vais vérifier votre dossier tout de suite.' : `réponse ${p + 1}`;
        out.push(
          this.statement(userId, 'answered', module, item, registration, at, {
            partId: item.type === 'roleplay' ? `noeud-${p + 1}` : `q${p + 1}`,
            result: { success: ok, response: words, duration: `PT${seconds}S`, extensions: { [EXTENSIONS.transcriptText]: words } },
            extensions: item.type === 'roleplay' ? { [EXTENSIONS.turn]: p, [EXTENSIONS.phase]: p < 2 ? 'accueil' : p < 6 ? 'traitement' : 'conclusion' } : {},
          }),
        );
      }
    }
    const durationSeconds = Math.round((at - start) / 1000);
    const scaled = Math.round((right / parts) * 100) / 100;
    const verb: VerbName = item.type === 'lesson' ? 'completed' : scaled >= 0.6 ? 'passed' : 'failed';
    const result: Statement = { duration: `PT${durationSeconds}S`, completion: true };
    if (item.type !== 'lesson') Object.assign(result, { score: { scaled }, success: verb === 'passed' });
    if (item.type === 'roleplay') {
      result.extensions = {
        [EXTENSIONS.outcome]: verb === 'passed' ? 'resolved' : 'hung_up',
        [EXTENSIONS.phaseScores]: { accueil: Math.min(1, scaled + 0.1), traitement: scaled, conclusion: Math.max(0, scaled - 0.1) },
        [EXTENSIONS.indicators]: { ahtSeconds: durationSeconds, targetSeconds: 300, fcr: verb === 'passed', csat: verb === 'passed' ? 4 : 2 },
      };
    }
    at += 1000;
    out.push(this.statement(userId, verb, module, item, registration, at, { result }));
    return { statements: out, end: at };
  }

  /**
   * A learner's workshop day: a lesson, a quiz, a call and an exercise from the module they are
   * on (their pace decides which), starting at `dayStart` (ms).
   */
  day(userId: string, dayIndex: number, pace: number, dayStart: number): Statement[] {
    const moduleIndex = Math.min(this.modules.length - 1, Math.floor(dayIndex * pace));
    const module = this.modules[moduleIndex];
    const pick = (type: ModuleItem['type']) => {
      const items = module.items.filter((i) => i.type === type);
      const fallback = this.modules.flatMap((m) => m.items.filter((i) => i.type === type).map((i) => ({ m, i })));
      if (items.length > 0) return { m: module, i: items[dayIndex % items.length] };
      return fallback.length > 0 ? fallback[dayIndex % fallback.length] : null;
    };
    const out: Statement[] = [];
    let at = dayStart;
    for (const type of ['lesson', 'quiz', 'roleplay', 'exercise'] as const) {
      const chosen = pick(type);
      if (!chosen) continue;
      const attempt = this.attempt(userId, chosen.m, chosen.i, at);
      out.push(...attempt.statements);
      at = attempt.end + 10 * 60_000;
    }
    return out;
  }
}
