import { v5 as uuidv5 } from 'uuid';
import type { LrsService } from '../../../lrs/index.ts';
import type { Clock } from '../../clock.ts';
import type { ModuleVersion } from '../../courses/format/types.ts';
import { activityIds, type ActivityIds } from '../../xapi/activity-ids.ts';
import type { VerbName } from '../../xapi/vocabulary.ts';
import { moduleActivity, programmeActivity, type XapiActivity } from '../xapi/activities.ts';
import { buildStatement, type AttemptContext, type XapiResult } from '../xapi/statement-builder.ts';

export interface RecordScope {
  userId: string;
  module: ModuleVersion;
  registration: string;
  competencies: readonly string[];
  attemptNumber?: number;
  /** Module-level statements have the module as object, not as parent. */
  moduleLevel?: boolean;
  grouping?: XapiActivity[];
}

/** Writes the player's statements through the LRS service (same validation as POST /xapi/statements). */
export class LearningRecorder {
  readonly ids: ActivityIds;

  constructor(
    private readonly lrs: LrsService,
    private readonly baseUrl: string,
    private readonly clock: Clock,
  ) {
    this.ids = activityIds(baseUrl);
  }

  private context(scope: RecordScope): AttemptContext {
    return {
      baseUrl: this.baseUrl,
      userId: scope.userId,
      registration: scope.registration,
      module: moduleActivity(this.ids, scope.module),
      programme: programmeActivity(this.ids),
      grouping: scope.grouping,
      withParent: !scope.moduleLevel,
      courseVersionHash: scope.module.contentHash,
      competencies: scope.competencies,
      attemptNumber: scope.attemptNumber,
    };
  }

  /**
   * `key` names the action within the registration (e.g. "answer:q1", "closing"): the id is then
   * derived from it, never from the time, so a retried action stores nothing twice and a
   * different outcome for the same action is refused by the LRS.
   */
  statement(scope: RecordScope, verb: VerbName, object: XapiActivity, result?: XapiResult, key?: string): Record<string, unknown> {
    const statement = buildStatement(this.context(scope), verb, object, this.clock().toISOString(), result);
    return key === undefined ? statement : { ...statement, id: uuidv5(key, scope.registration) };
  }

  /** One atomic batch: all stored, or none (an LrsError is a bug in the player, so it propagates). */
  async store(statements: Array<Record<string, unknown>>): Promise<void> {
    if (statements.length > 0) await this.lrs.storeStatements(statements);
  }
}
