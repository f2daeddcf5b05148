import type { Kysely } from 'kysely';
import type { CohortsRepository } from '../cohorts/cohorts.repository.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import { AttendanceRepository } from './attendance.repository.ts';
import { TrainerScope } from './trainer-scope.ts';

/** The follow-up area's pieces, as other areas find them on the AppContext (ctx.followup). */
export interface Followup {
  /** attendance.attendanceHours(userId, from?, to?) gives the hours the certificate counts. */
  attendance: AttendanceRepository;
  scope: TrainerScope;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function buildFollowup(db: Kysely<any>, cohorts: CohortsRepository, users: UsersRepository): Followup {
  return { attendance: new AttendanceRepository(db), scope: new TrainerScope(cohorts, users) };
}
