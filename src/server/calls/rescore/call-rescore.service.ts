/**
 * The trainer's word counts (issue 10): a trainer confirms or changes the score of a typed answer
 * of a finished call. One unit of work stores the trainer's score and the corrected closing
 * statement (trainer as instructor and, with the LMS, as authority); the debrief, the evidence and
 * the certificate then read the corrected call. Scope (is this trainer's learner?) is checked by
 * the caller, the trainer's page.
 */
import { v7 as uuidv7 } from 'uuid';
import { LrsError, lmsAuthority } from '../../../lrs/index.ts';
import type { Clock } from '../../clock.ts';
import type { RunUnitOfWork } from '../../db/unit-of-work.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.ts';
import { staffAgent } from '../../xapi/actor.ts';
import { correctedClosingStatement } from '../call-statements.ts';
import type { CallModuleAccess } from '../module-access.ts';
import type { CallsService, OpenCall } from '../calls.service.ts';
import type { RoleplayCallsRepository } from '../roleplay-calls.repository.ts';
import type { CallRescoresRepository } from './call-rescores.repository.ts';
import { applyRescores, latestByTurn, typedTurns, type TurnRescore } from './turn-rescore.ts';

export interface RescoreInput {
  registration: string;
  turn: number;
  percent: number;
  reviewerId: string;
}

const fieldError = (field: 'turn' | 'percent' | '_form', key: string) => new BadRequestError(key, { [field]: key });

export class CallRescoreService {
  constructor(
    private readonly deps: {
      calls: RoleplayCallsRepository;
      rescores: CallRescoresRepository;
      modules: CallModuleAccess;
      service: CallsService;
      run: RunUnitOfWork;
      clock: Clock;
      baseUrl: string;
    },
  ) {}

  /** A call with its content, by registration (null when no call has it). */
  async openByRegistration(registration: string): Promise<OpenCall | null> {
    const call = await this.deps.calls.findByRegistration(registration);
    if (!call) return null;
    const version = await this.deps.modules.version(call.moduleId, call.version);
    const item = version?.content.items.find((i) => i.id === call.itemId);
    if (!version || item?.type !== 'roleplay') return null;
    return { call, version, item };
  }

  list(registration: string): Promise<TurnRescore[]> {
    return this.deps.rescores.listForRegistration(registration);
  }

  /** The call as the trainer scored it (the debrief reads this). */
  corrected(open: OpenCall, rescores: readonly TurnRescore[]): OpenCall {
    return rescores.length === 0 ? open : { ...open, call: { ...open.call, state: applyRescores(open.call.state, rescores) } };
  }

  /**
   * Records the trainer's percent for a typed answer. 'unchanged' when it is already the score in
   * effect (a double submit stores nothing new); refuses an unknown or untyped turn, a score out
   * of 0..100 and a call that is not over, storing nothing.
   */
  async rescore(input: RescoreInput): Promise<'stored' | 'unchanged'> {
    if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) throw fieldError('percent', 'calls.rescore.errors.percent');
    const open = await this.openByRegistration(input.registration);
    if (!open) throw new NotFoundError('followup.review.errors.notFound');
    if (open.call.status !== 'completed' || !open.call.state.ended) throw fieldError('_form', 'calls.rescore.errors.notEnded');
    if (!typedTurns(open.call.state).has(input.turn)) throw fieldError('turn', 'calls.rescore.errors.unknownTurn');
    try {
      return await this.deps.run(async (uow) => {
        const rescores = this.deps.rescores.within(uow.db);
        const before = await rescores.listForRegistration(input.registration);
        if (latestByTurn(before).get(input.turn)?.percent === input.percent) return 'unchanged';
        const rescore: TurnRescore = {
          id: uuidv7(),
          registration: input.registration,
          turn: input.turn,
          percent: input.percent,
          reviewerId: input.reviewerId,
          revision: before.reduce((max, r) => Math.max(max, r.revision), 0) + 1,
          createdAt: this.deps.clock().toISOString(),
        };
        const all = [...before, rescore];
        await rescores.insert(rescore);
        const trainer = staffAgent(this.deps.baseUrl, input.reviewerId);
        const statement = correctedClosingStatement(this.deps.service.identity(open), applyRescores(open.call.state, all), {
          revision: rescore.revision,
          trainer: { ...trainer },
          scores: [...latestByTurn(all).values()].sort((a, b) => a.turn - b.turn).map((r) => ({ turn: r.turn, percent: r.percent })),
        });
        // xAPI 1.0.3 §2.4.9: an application acting for a user is a Group authority of the two.
        await uow.lrs.storeStatements([statement], { objectType: 'Group', member: [lmsAuthority(this.deps.baseUrl), trainer] });
        return 'stored' as const;
      });
    } catch (error) {
      // A parallel post took the same revision first: if it recorded this score, this post is its retry.
      if (!isUniqueViolation(error) && !(error instanceof LrsError && error.status === 409)) throw error;
      const now = latestByTurn(await this.deps.rescores.listForRegistration(input.registration)).get(input.turn);
      if (now?.percent === input.percent) return 'unchanged';
      throw new ConflictError('calls.rescore.errors.concurrent', { _form: 'calls.rescore.errors.concurrent' });
    }
  }
}
