/**
 * The xAPI statements of a call (pure). One per learner turn (answered; hold, transfer and
 * look-ups are interacted), one closing statement (passed/failed against the scenario's pass
 * mark), or abandoned. Ids are derived from the registration and the transcript position, so
 * storing the same step twice stores nothing new and a different step at the same place is a
 * conflict in the LRS.
 */
import { v5 as uuidv5 } from 'uuid';
import type { JsonObject } from '../../lrs/types.ts';
import { debrief, type CallState, type TranscriptEntry } from '../roleplay/engine/index.ts';
import { blockingFaultCode } from '../roleplay/scenario/blocking-faults.ts';
import type { ChoiceNode, FreeNode, Scenario } from '../roleplay/scenario/types.ts';
import type { RoleplayItem } from '../courses/format/types.ts';
import { activityIds } from '../xapi/activity-ids.ts';
import { learnerAgent } from '../xapi/actor.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS, profileCategory, type VerbName } from '../xapi/vocabulary.ts';
import { customerWordsOf, joinLines, outcomeOf, turnOfEntry, type TranscriptTurn } from './call-transcript.ts';

export const LANG = 'fr-FR';

/** Who and what a call's statements are about. */
export interface CallIdentity {
  baseUrl: string;
  userId: string;
  moduleId: string;
  moduleTitle: string;
  item: Pick<RoleplayItem, 'id' | 'title' | 'competencies' | 'scenario'>;
  contentHash: string;
  registration: string;
  /** 1-based attempt number of the learner at the item (1 when not given). */
  attempt?: number;
}

const verb = (name: VerbName) => ({ id: VERBS[name].id, display: { 'fr-FR': VERBS[name].fr, 'en-US': VERBS[name].en } });
const isoAt = (ms: number) => new Date(ms).toISOString();
/** ISO 8601 duration with centisecond precision (xAPI rounds there). */
export const isoDuration = (ms: number) => `PT${Math.round(Math.max(0, ms) / 10) / 100}S`;

/** The shared context (docs/xapi-profile.md); statements about a turn also group under the call's item. */
function context(call: CallIdentity, competencies: readonly string[], extra: JsonObject = {}, aboutPart = false): JsonObject {
  const ids = activityIds(call.baseUrl);
  const programme = { id: ids.programme(), objectType: 'Activity', definition: { type: ACTIVITY_TYPES.programme } };
  return {
    registration: call.registration,
    contextActivities: {
      parent: [{ id: ids.module(call.moduleId), objectType: 'Activity', definition: { type: ACTIVITY_TYPES.module, name: { [LANG]: call.moduleTitle } } }],
      grouping: aboutPart ? [programme, itemActivity(call)] : [programme],
      category: [profileCategory()],
    },
    extensions: { [EXTENSIONS.competencies]: [...competencies], [EXTENSIONS.courseVersion]: call.contentHash, [EXTENSIONS.attempt]: call.attempt ?? 1, ...extra },
    language: LANG,
  };
}

function base(call: CallIdentity, key: string, verbName: VerbName, timestamp: number): JsonObject {
  return {
    id: uuidv5(key, call.registration),
    actor: learnerAgent(call.baseUrl, call.userId),
    verb: verb(verbName),
    timestamp: isoAt(timestamp),
  };
}

/** The item itself: object of the closing statement, so that progress counts the call. */
function itemActivity(call: CallIdentity): JsonObject {
  return {
    id: activityIds(call.baseUrl).item(call.moduleId, call.item.id),
    objectType: 'Activity',
    definition: { type: ACTIVITY_TYPES.roleplay, name: { [LANG]: call.item.title }, description: { [LANG]: call.item.scenario.summary } },
  };
}

/** The interaction a learner node offers: the said options as choices, or a typed answer. */
function interaction(call: CallIdentity, node: ChoiceNode | FreeNode): JsonObject {
  const id = activityIds(call.baseUrl).part(call.moduleId, call.item.id, node.id);
  const name = { [LANG]: node.prompt ?? call.item.title };
  if (node.kind === 'free') {
    const long = node.rubric.maxWords === undefined || node.rubric.maxWords > 25;
    return { id, objectType: 'Activity', definition: { type: ACTIVITY_TYPES.roleplayTurn, name, interactionType: long ? 'long-fill-in' : 'fill-in' } };
  }
  const choices = node.options.filter((o) => o.kind === 'say').map((o, index) => ({ id: choiceId(index), description: { [LANG]: o.text } }));
  return { id, objectType: 'Activity', definition: { type: ACTIVITY_TYPES.roleplayTurn, name, interactionType: 'choice', choices } };
}

export const choiceId = (index: number) => `choix-${index + 1}`;

function actionActivity(call: CallIdentity, nodeId: string, action: string, label: string): JsonObject {
  return {
    id: activityIds(call.baseUrl).part(call.moduleId, call.item.id, `${nodeId}.${action}`),
    objectType: 'Activity',
    definition: { type: ACTIVITY_TYPES.roleplayAction, name: { [LANG]: label } },
  };
}

/** Competency codes a node can evidence (those its options or rubric score), else the item's. */
function nodeCompetencies(call: CallIdentity, nodeId: string): string[] {
  const node = call.item.scenario.nodes[nodeId];
  const codes = new Set<string>();
  if (node?.kind === 'choice') for (const o of node.options) for (const code of Object.keys(o.competencies)) codes.add(code);
  if (node?.kind === 'free') for (const code of Object.keys(node.competencies)) codes.add(code);
  return codes.size > 0 ? [...codes].sort() : [...call.item.competencies];
}

const faultJson = (f: { tag?: string; label: string }): JsonObject => ({ tag: f.tag ?? '', code: blockingFaultCode(f.tag), label: f.label });

function turnResult(turn: Omit<TranscriptTurn, 'customer' | 'timestamp'>, customer: string, response: string): JsonObject {
  const extensions: JsonObject = {
    [EXTENSIONS.transcriptText]: turn.text,
    [EXTENSIONS.customerText]: customer,
    [EXTENSIONS.feedback]: turn.feedback,
    [EXTENSIONS.tags]: turn.tags,
  };
  if (turn.blockingFaults.length > 0) extensions[EXTENSIONS.blockingFaults] = turn.blockingFaults.map(faultJson);
  if (turn.mood !== null) extensions[EXTENSIONS.mood] = turn.mood;
  const result: JsonObject = { response, extensions };
  if (turn.score) result.score = { raw: turn.score.earned, min: Math.min(0, turn.score.earned), max: Math.max(turn.score.max, turn.score.earned) };
  return result;
}

/** The statement of one learner turn (a transcript entry that is a turn), or null for other entries. */
function turnStatement(call: CallIdentity, state: CallState, entry: TranscriptEntry, index: number, customer: string): JsonObject | null {
  const turn = turnOfEntry(entry, call.item.scenario);
  if (!turn) return null;
  const node = call.item.scenario.nodes[entry.node];
  const at = state.startedAt + entry.atMs;
  const extra: JsonObject = { [EXTENSIONS.phase]: entry.phase, [EXTENSIONS.turn]: turn.turn };
  if (entry.kind === 'learner' && entry.answer.type === 'option' && entry.answer.shown) extra[EXTENSIONS.choicesShown] = entry.answer.shown.map(choiceId);
  const ctx = context(call, nodeCompetencies(call, entry.node), extra, true);
  const key = `entry-${index}`;
  if (turn.kind === 'hold' || turn.kind === 'transfer' || turn.kind === 'lookup') {
    const action = entry.kind === 'lookup' ? `lookup.${entry.field}` : turn.kind;
    return { ...base(call, key, 'interacted', at), object: actionActivity(call, entry.node, action, turn.text), result: turnResult(turn, customer, turn.kind), context: ctx };
  }
  if (!node || (node.kind !== 'choice' && node.kind !== 'free')) return null;
  let response = '';
  if (entry.kind === 'learner' && entry.answer.type === 'free') response = entry.answer.text;
  if (entry.kind === 'learner' && entry.answer.type === 'option') response = choiceId(entry.answer.index);
  return { ...base(call, key, 'answered', at), object: interaction(call, node), result: turnResult(turn, customer, response), context: ctx };
}

/** Customer words heard since the last turn before transcript position `index`. */
function heardBefore(state: CallState, index: number): string[] {
  const heard: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const entry = state.transcript[i];
    if (turnOfEntry(entry) && entry.kind !== 'timeout') break;
    const words = customerWordsOf(entry);
    if (words !== null) heard.unshift(words);
    if (entry.kind === 'timeout') break;
  }
  return heard;
}

const scaledMap = (lines: Array<{ id: string; percent: number }>) => Object.fromEntries(lines.map((l) => [l.id, l.percent / 100]));

/** The closing statement of a finished call: passed or failed against the pass mark. */
function closingStatement(call: CallIdentity, scenario: Scenario, state: CallState, customer: string): JsonObject {
  const d = debrief(scenario, state);
  const end = state.ended as NonNullable<CallState['ended']>;
  const raw = Object.values(state.phaseScores).reduce((sum, t) => sum + t.earned, 0);
  const max = Object.values(state.phaseScores).reduce((sum, t) => sum + t.max, 0);
  const verbName: VerbName = scenario.passMark > 0 ? (d.passed ? 'passed' : 'failed') : 'completed';
  return {
    ...base(call, 'end', verbName, end.at),
    object: itemActivity(call),
    result: {
      score: { scaled: d.scorePercent / 100, raw: round(raw), min: Math.min(0, round(raw)), max: Math.max(round(max), round(raw)) },
      success: d.passed,
      completion: true,
      duration: isoDuration(end.at - state.startedAt),
      extensions: {
        [EXTENSIONS.phaseScores]: scaledMap(d.phases),
        [EXTENSIONS.competencyScores]: scaledMap(d.competencies),
        [EXTENSIONS.mood]: state.mood,
        [EXTENSIONS.outcome]: outcomeOf(end.kind),
        [EXTENSIONS.blockingFaults]: d.blockingFaults.map((f) => ({ turn: f.turn, ...faultJson(f) })),
        [EXTENSIONS.indicators]: { ahtSeconds: d.indicators.durationSeconds, targetSeconds: d.indicators.targetSeconds, fcr: d.indicators.fcr, csat: d.indicators.csat },
        [EXTENSIONS.feedback]: end.outcome,
        [EXTENSIONS.customerText]: customer,
      },
    },
    context: context(call, call.item.competencies),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Statements for what changed between two states of a call: every new turn, and the closing
 * statement when the call has just ended.
 */
export function stepStatements(call: CallIdentity, before: CallState, after: CallState): JsonObject[] {
  const statements: JsonObject[] = [];
  for (let index = before.transcript.length; index < after.transcript.length; index++) {
    const statement = turnStatement(call, after, after.transcript[index], index, joinLines(heardBefore(after, index)));
    if (statement) statements.push(statement);
  }
  if (after.ended && !before.ended) statements.push(closingStatement(call, call.item.scenario, after, joinLines(heardBefore(after, after.transcript.length))));
  return statements;
}

/** The learner picked up the phone: counts the attempt in the progress projection. */
export function initializedStatement(call: CallIdentity, state: CallState): JsonObject {
  return { ...base(call, 'initialized', 'initialized', state.startedAt), object: itemActivity(call), context: context(call, call.item.competencies) };
}

/** The learner hung up on a call in progress. */
export function abandonedStatement(call: CallIdentity, state: CallState, at: number): JsonObject {
  return {
    ...base(call, 'abandoned', 'abandoned', at),
    object: itemActivity(call),
    result: {
      completion: false,
      duration: isoDuration(at - state.startedAt),
      extensions: {
        [EXTENSIONS.mood]: state.mood,
        [EXTENSIONS.outcome]: 'abandoned',
        [EXTENSIONS.customerText]: joinLines(heardBefore(state, state.transcript.length)),
      },
    },
    context: context(call, call.item.competencies),
  };
}

/** What a trainer's re-score adds to the corrected closing statement. */
export interface TrainerCorrection {
  /** The call's correction revision (1, 2…): the statement id and its place in time. */
  revision: number;
  /** The trainer, as an agent (context.instructor). */
  trainer: JsonObject;
  /** Every trainer score in effect on the call's typed answers. */
  scores: Array<{ turn: number; percent: number }>;
}

/**
 * The closing statement again, from the call as the trainer scored it (docs/xapi-profile.md,
 * "Trainer's re-score"). The actor stays the learner (the result is theirs); the trainer is the
 * context's instructor and, with the LMS, the statement's authority (stored by the caller).
 * Its id comes from the revision, so a double submit stores nothing new. Its timestamp is the
 * call's end plus <revision> ms: it sorts after the closing statement it corrects, and before
 * any later call, so evidence that keeps the latest result of a call or an activity takes it.
 * No duration: the time on task was already counted by the original closing statement.
 */
export function correctedClosingStatement(call: CallIdentity, corrected: CallState, correction: TrainerCorrection): JsonObject {
  const end = corrected.ended as NonNullable<CallState['ended']>;
  const original = closingStatement(call, call.item.scenario, corrected, joinLines(heardBefore(corrected, corrected.transcript.length)));
  const result = { ...(original.result as JsonObject) };
  delete result.duration;
  const context = original.context as JsonObject;
  return {
    ...original,
    id: uuidv5(`trainer-rescore-${correction.revision}`, call.registration),
    timestamp: isoAt(end.at + correction.revision),
    result: { ...result, extensions: { ...(result.extensions as JsonObject), [EXTENSIONS.trainerScores]: correction.scores.map((s) => ({ turn: s.turn, percent: s.percent })) } },
    context: { ...context, instructor: correction.trainer },
  };
}
