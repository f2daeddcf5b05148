import type { Lrs, SharedHandle } from '../../lrs/index.ts';
import type { Clock } from '../clock.ts';
import type { CohortsRepository } from '../cohorts/cohorts.repository.ts';
import { CourseRepository } from '../courses/import/course-repository.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { unitOfWork } from '../db/unit-of-work.ts';
import { AssignmentService } from './assignment/assignment.service.ts';
import { CohortModulesRepository } from './assignment/cohort-modules.repository.ts';
import { AttemptsRepository } from './attempts/attempts.repository.ts';
import { ModuleVersionsRepository } from './attempts/module-versions.repository.ts';
import { CourseAccess } from './player/course-access.ts';
import { DashboardService } from './player/dashboard.service.ts';
import { ExerciseService } from './player/exercise.service.ts';
import { ItemAttempts } from './player/item-attempts.ts';
import { LearnerModules } from './player/learner-modules.ts';
import { LearningRecorder } from './player/learning-recorder.ts';
import { LessonService } from './player/lesson.service.ts';
import { QuizService } from './player/quiz.service.ts';
import { moduleCompletion } from './progress/module-completion.ts';
import { ProgressProjection } from './progress/progress-projection.ts';
import { ProjectionCheckpoints } from './progress/projection-checkpoints.repository.ts';
import { ProgressRepository } from './progress/progress.repository.ts';

/** ctx.learning: assignment, the player and the progress projection. */
export interface Learning {
  courses: CourseRepository;
  assignments: CohortModulesRepository;
  assignment: AssignmentService;
  enrolments: ModuleVersionsRepository;
  attempts: AttemptsRepository;
  /** The projection's rows: itemProgress(userId, moduleId), forUser(userId). */
  progress: ProgressRepository;
  /** Keeps `progress` in step with the LRS: catchUp (at start, after each store), rebuild, health. */
  projection: ProgressProjection;
  modules: LearnerModules;
  dashboard: DashboardService;
  lessons: LessonService;
  quizzes: QuizService;
  exercises: ExerciseService;
}

export function buildLearning(deps: {
  db: Kysely<Database>;
  /** The same connection naming no table, for units of work. */
  shared: SharedHandle;
  dialect: 'sqlite' | 'postgres';
  lrs: Lrs;
  baseUrl: string;
  clock: Clock;
  cohorts: CohortsRepository;
  onError: (message: string, error: unknown) => void;
}): Learning {
  const { db, clock } = deps;
  const courses = new CourseRepository(db);
  const assignments = new CohortModulesRepository(db);
  const enrolments = new ModuleVersionsRepository(db);
  const attemptsRepo = new AttemptsRepository(db);
  const progress = new ProgressRepository(db);
  const recorder = new LearningRecorder(deps.lrs.service, deps.baseUrl, clock);
  const run = unitOfWork(deps.shared, deps.lrs.service);
  const attempts = new ItemAttempts(attemptsRepo, recorder, clock, run);
  const projection = new ProgressProjection({
    shared: deps.shared,
    lrsOn: (trx) => deps.lrs.service.withTransaction(trx),
    baseUrl: deps.baseUrl,
    progress,
    checkpoints: new ProjectionCheckpoints(db, deps.dialect),
    clock,
    after: moduleCompletion({ courses, enrolments, progress, recorder, clock, run }),
    onError: deps.onError,
  });
  deps.lrs.service.subscribe(() => projection.catchUp());
  return {
    courses,
    assignments,
    assignment: new AssignmentService(assignments, courses, deps.cohorts, clock),
    enrolments,
    attempts: attemptsRepo,
    progress,
    projection,
    modules: new LearnerModules(new CourseAccess(courses, assignments, enrolments, clock), recorder),
    dashboard: new DashboardService(courses, assignments, enrolments, progress),
    lessons: new LessonService(attempts, recorder),
    quizzes: new QuizService(attempts, recorder),
    exercises: new ExerciseService(attempts, recorder),
  };
}
