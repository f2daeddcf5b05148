import crypto from 'node:crypto';
import type { LrsService } from '../../lrs/index.ts';
import { LrsError } from '../../lrs/index.ts';
import type { Clock } from '../clock.ts';
import type { RunUnitOfWork, UnitOfWork } from '../db/unit-of-work.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import type { RoleplayItem } from '../courses/format/types.ts';
import type { CourseVersion } from '../courses/import/course-version.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import {
  applyAction, applyChoice, applyFreeResponse, applyTimeout, startCall,
  type CallState, type RejectionCode, type Step,
} from '../roleplay/engine/index.ts';
import { abandonedStatement, initializedStatement, stepStatements, type CallIdentity } from './call-statements.ts';
import type { CallModuleAccess } from './module-access.ts';
import type { CallStatus, RoleplayCall } from './roleplay-call.ts';
import { holdsMove } from './committed-move.ts';
import { lineDurations } from './line-durations.ts';
import type { RoleplayCallsRepository } from './roleplay-calls.repository.ts';
import { attachRecording } from './voice/attach-recording.ts';
import type { PostedRecording } from './voice/voice-recording.ts';
import type { VoiceRepository } from './voice/voice.repository.ts';

/** One learner input, as posted by the player page. Every input names the turn it answers. */
export type CallMove =
  | { type: 'choice'; turn: number; choice: number }
  | { type: 'free'; turn: number; text: string }
  | { type: 'hold' | 'transfer'; turn: number }
  | { type: 'lookup'; turn: number; field: string }
  | { type: 'timeout'; turn: number };

/** A call with the content it is played on. */
export interface OpenCall {
  call: RoleplayCall;
  version: CourseVersion;
  item: RoleplayItem;
}

/** Why an input was refused: the engine's reasons, or another post changed the call first. */
export type CallRejection = RejectionCode | 'concurrent';

export type PlayResult =
  | { ok: true; open: OpenCall; /** The turn had already timed out: the input came too late and was not used. */ late: boolean }
  | { ok: false; open: OpenCall; rejection: CallRejection };

export interface CallsServiceDeps {
  calls: RoleplayCallsRepository;
  modules: CallModuleAccess;
  lrs: LrsService;
  /** One transaction per action: the call row and its statements commit together. */
  run: RunUnitOfWork;
  clock: Clock;
  baseUrl: string;
  /** The learner's time factor for a new call (1 standard, 1.5, 2; null: no limit). */
  timeFactorOf: (userId: string) => Promise<number | null>;
  /** Consents and recordings: a turn's recording is kept only while the learner's consent is. */
  voice: VoiceRepository;
}

function roleplayItem(version: CourseVersion, itemId: string): RoleplayItem | undefined {
  const item = version.content.items.find((i) => i.id === itemId);
  return item?.type === 'roleplay' ? item : undefined;
}

/**
 * The call player's domain logic: start, play, abandon. The engine decides; this stores the
 * state (compare-and-set) and writes the statements, nothing when the engine refuses.
 */
export class CallsService {
  constructor(private readonly deps: CallsServiceDeps) {}

  /** The role-play item a learner may start, in the version they work on. */
  async itemFor(userId: string, moduleId: string, itemId: string): Promise<{ version: CourseVersion; item: RoleplayItem }> {
    if (!(await this.deps.modules.isAssigned(userId, moduleId))) {
      throw (await this.deps.modules.exists(moduleId)) ? new ForbiddenError('calls.errors.notAssigned') : new NotFoundError('calls.errors.itemNotFound');
    }
    const version = await this.deps.modules.currentVersion(userId, moduleId);
    const item = version && roleplayItem(version, itemId);
    if (!version || !item) throw new NotFoundError('calls.errors.itemNotFound');
    return { version, item };
  }

  /**
   * Starts a call, or returns the one already in progress on this item: a double click starts
   * one call (the partial unique index on in-progress calls decides between parallel posts).
   */
  async start(userId: string, moduleId: string, itemId: string, options: { restart?: boolean } = {}): Promise<RoleplayCall> {
    const { version, item } = await this.itemFor(userId, moduleId, itemId);
    const running = await this.deps.calls.listForUser(userId, { moduleId, itemId, status: 'in_progress' });
    if (running.length > 0 && !options.restart) return running[0];
    const stale = await Promise.all(running.map((call) => this.load(userId, call.id)));
    // The time rules the call is played under, fixed at pick-up: a change of the trainer's
    // "temps adapté" applies from the next call.
    const pacing = { timeFactor: await this.deps.timeFactorOf(userId), audioMs: await lineDurations(version, item.scenario, (sha) => this.deps.modules.asset(sha)) };
    try {
      return await this.deps.run(async (uow) => {
        for (const open of stale) await this.abandonWithin(uow, open);
        const calls = this.deps.calls.within(uow.db);
        const now = this.deps.clock();
        const id = crypto.randomUUID();
        const call: RoleplayCall = {
          id,
          userId,
          moduleId,
          itemId,
          version: version.version,
          contentHash: version.contentHash,
          registration: crypto.randomUUID(),
          attempt: (await calls.countForItem(userId, moduleId, itemId)) + 1,
          status: 'in_progress',
          // The call's id seeds the order of the lines at each choice turn.
          state: startCall(item.scenario, now.getTime(), id, pacing),
          startedAt: now.toISOString(),
          updatedAt: now.toISOString(),
        };
        await calls.insert(call);
        await uow.lrs.storeStatements([initializedStatement(this.identity({ call, version, item }), call.state)]);
        return call;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.deps.calls.listForUser(userId, { moduleId, itemId, status: 'in_progress' });
      if (winner.length === 0) throw error;
      return winner[0];
    }
  }

  listForUser(userId: string): Promise<RoleplayCall[]> {
    return this.deps.calls.listForUser(userId);
  }

  /** A learner's own call, with its content; a running call first plays any silence that ran out. */
  async open(userId: string, callId: string): Promise<OpenCall> {
    const open = await this.load(userId, callId);
    if (open.call.status !== 'in_progress') return open;
    const step = applyTimeout(open.item.scenario, open.call.state, { turn: open.call.state.turn }, this.deps.clock().getTime());
    if (!step.ok) return open;
    return (await this.commit(open, step.state)) ?? (await this.load(userId, callId));
  }

  /** `recording`: the answer said aloud, stored with the turn's statement if the learner consents. */
  async play(userId: string, callId: string, move: CallMove, recording?: PostedRecording): Promise<PlayResult> {
    const open = await this.load(userId, callId);
    if (holdsMove(open.call.state, move)) return { ok: true, open, late: false };
    if (open.call.status !== 'in_progress') return { ok: false, open, rejection: 'call-ended' };
    if (!(await this.deps.modules.isAssigned(userId, open.call.moduleId))) throw new ForbiddenError('calls.errors.notAssigned');
    const step = this.step(open, move);
    if (!step.ok) return { ok: false, open, rejection: step.rejection.code };
    // Only an answer that was used carries its recording: a late one, or a look-up, does not.
    const spoken = recording && step.applied && (move.type === 'choice' || move.type === 'free') ? recording : undefined;
    const committed = await this.commit(open, step.state, spoken);
    if (committed) return { ok: true, open: committed, late: !step.applied };
    // Another post moved the call first: if it was this same move, this post is its retry.
    const now = await this.load(userId, callId);
    return holdsMove(now.call.state, move) ? { ok: true, open: now, late: false } : { ok: false, open: now, rejection: 'concurrent' };
  }

  async abandon(userId: string, callId: string): Promise<OpenCall> {
    const open = await this.load(userId, callId);
    if (open.call.status !== 'in_progress') return open;
    const changed = await this.deps.run((uow) => this.abandonWithin(uow, open));
    return changed ? { ...open, call: { ...open.call, status: 'abandoned' } } : this.load(userId, callId);
  }

  /** Hangs up a call inside the caller's unit of work; false when another post moved it first. */
  private async abandonWithin(uow: UnitOfWork, open: OpenCall): Promise<boolean> {
    const now = Math.max(this.deps.clock().getTime(), open.call.state.lastAt);
    const changed = await this.deps.calls.within(uow.db).advance(open.call.id, open.call.state, open.call.state, 'abandoned', new Date(now).toISOString());
    if (changed) await uow.lrs.storeStatements([abandonedStatement(this.identity(open), open.call.state, now)]);
    return changed;
  }

  private step(open: OpenCall, move: CallMove): Step {
    const { scenario } = open.item;
    const state = open.call.state;
    const now = this.deps.clock().getTime();
    switch (move.type) {
      case 'choice':
        return applyChoice(scenario, state, { turn: move.turn, choice: move.choice }, now);
      case 'free':
        return applyFreeResponse(scenario, state, { turn: move.turn, text: move.text }, now);
      case 'hold':
      case 'transfer':
        return applyAction(scenario, state, { turn: move.turn, type: move.type }, now);
      case 'lookup':
        return applyAction(scenario, state, { turn: move.turn, type: 'lookup', field: move.field }, now);
      case 'timeout':
        return applyTimeout(scenario, state, { turn: move.turn }, now);
    }
  }

  /**
   * The state (compare-and-set: only if nobody moved it) and the turn's statements, in one
   * transaction. Their ids come from the call and the transcript position, so a different step
   * at the same place is refused by the LRS as well.
   */
  private async commit(open: OpenCall, next: CallState, recording?: PostedRecording): Promise<OpenCall | null> {
    const statements = stepStatements(this.identity(open), open.call.state, next);
    const status: CallStatus = next.ended ? 'completed' : 'in_progress';
    const updatedAt = this.deps.clock().toISOString();
    try {
      const moved = await this.deps.run(async (uow) => {
        if (!(await this.deps.calls.within(uow.db).advance(open.call.id, open.call.state, next, status, updatedAt))) return false;
        // Consent is read in the same transaction as the write: a withdrawal wins over a turn in flight.
        const voice = this.deps.voice.within(uow.db);
        const attached = recording && (await voice.consentOf(open.call.userId)) ? attachRecording(statements, recording) : null;
        if (statements.length > 0) await uow.lrs.storeStatements(attached?.statements ?? statements, undefined, attached ? { attachments: [attached.part] } : {});
        if (attached) await voice.insert({ ...attached.row, userId: open.call.userId, registration: open.call.registration, recordedAt: updatedAt });
        return true;
      });
      if (!moved) return null;
    } catch (err) {
      if (err instanceof LrsError && err.status === 409) return null;
      throw err;
    }
    return { ...open, call: { ...open.call, state: next, status, updatedAt } };
  }

  private async load(userId: string, callId: string): Promise<OpenCall> {
    const call = await this.deps.calls.findById(callId);
    if (!call) throw new NotFoundError('calls.errors.notFound');
    if (call.userId !== userId) throw new ForbiddenError('calls.errors.notYourCall');
    const version = await this.deps.modules.version(call.moduleId, call.version);
    const item = version && roleplayItem(version, call.itemId);
    if (!version || !item) throw new NotFoundError('calls.errors.itemNotFound');
    return { call, version, item };
  }

  identity(open: OpenCall): CallIdentity {
    return {
      baseUrl: this.deps.baseUrl,
      userId: open.call.userId,
      moduleId: open.call.moduleId,
      moduleTitle: open.version.content.title,
      item: open.item,
      contentHash: open.call.contentHash,
      registration: open.call.registration,
      attempt: open.call.attempt,
    };
  }
}
