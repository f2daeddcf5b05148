import type { Kysely } from 'kysely';
import type { CohortsRepository } from '../cohorts/cohorts.repository.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import { activityIds, type ActivityIds } from '../xapi/activity-ids.ts';
import { AttendanceRepository } from './attendance.repository.ts';
import { CourseCatalogue } from './course-catalogue.ts';
import { TrainerScope } from './trainer-scope.ts';

/** The follow-up area's pieces, as other areas find them on the AppContext (ctx.followup). */
export interface Followup {
  /** attendance.attendanceHours(userId, from?, to?) gives the hours the certificate counts. */
  attendance: AttendanceRepository;
  scope: TrainerScope;
  catalogue: CourseCatalogue;
  activityIds: ActivityIds;
}

export function buildFollowup(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  deps: { cohorts: CohortsRepository; users: UsersRepository; baseUrl: string },
): Followup {
  return {
    attendance: new AttendanceRepository(db),
    scope: new TrainerScope(deps.cohorts, deps.users),
    catalogue: new CourseCatalogue(db, deps.baseUrl),
    activityIds: activityIds(deps.baseUrl),
  };
}
