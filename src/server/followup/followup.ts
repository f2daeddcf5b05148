import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LrsService } from '../../lrs/index.ts';
import type { Clock } from '../clock.ts';
import type { CohortsRepository } from '../cohorts/cohorts.repository.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import type { CompetencyFrameworks } from '../courses/current-framework.ts';
import { activityIds, type ActivityIds } from '../xapi/activity-ids.ts';
import { AttendanceRepository } from './attendance.repository.ts';
import { BoardRepository } from './board.repository.ts';
import { CourseCatalogue } from './course-catalogue.ts';
import { DigestService } from './digest.service.ts';
import { TrainerScope } from './trainer-scope.ts';

/** The follow-up area's pieces, as other areas find them on the AppContext (ctx.followup). */
export interface Followup {
  /** attendance.attendanceHours(userId, from?, to?) gives the hours the certificate counts. */
  attendance: AttendanceRepository;
  scope: TrainerScope;
  catalogue: CourseCatalogue;
  digests: DigestService;
  board: BoardRepository;
  /** The current stored framework (see CompetencyFrameworks). */
  framework: () => Promise<CompetencyFramework>;
  activityIds: ActivityIds;
}

export interface FollowupDeps {
  cohorts: CohortsRepository;
  users: UsersRepository;
  lrs: LrsService;
  baseUrl: string;
  frameworks: CompetencyFrameworks;
  clock: Clock;
}

export function buildFollowup(db: Kysely<Database>, deps: FollowupDeps): Followup {
  const digests = new DigestService(db, deps.lrs, deps.baseUrl, deps.frameworks, deps.clock);
  // Digests follow the LRS: a board's first render reads them, it does not fold them.
  deps.lrs.subscribe((stored) => digests.refreshFor(stored));
  return {
    attendance: new AttendanceRepository(db),
    scope: new TrainerScope(deps.cohorts, deps.users),
    catalogue: new CourseCatalogue(db, deps.baseUrl),
    digests,
    board: new BoardRepository(db),
    framework: () => deps.frameworks.framework(),
    activityIds: activityIds(deps.baseUrl),
  };
}
