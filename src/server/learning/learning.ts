import type { Lrs } from '../../lrs/index.ts';
import type { Clock } from '../clock.ts';
import type { CohortsRepository } from '../cohorts/cohorts.repository.ts';
import { CourseRepository } from '../courses/import/course-repository.ts';
import type { Kysely } from 'kysely';
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
import { progressProjection } from './progress/progress-projection.ts';
import { ProgressRepository } from './progress/progress.repository.ts';

/** ctx.learning: assignment, the player and the progress projection. */
export interface Learning {
  courses: CourseRepository;
  assignments: CohortModulesRepository;
  assignment: AssignmentService;
  enrolments: ModuleVersionsRepository;
  attempts: AttemptsRepository;
  /** The projection: itemProgress(userId, moduleId), forUser(userId). */
  progress: ProgressRepository;
  modules: LearnerModules;
  dashboard: DashboardService;
  lessons: LessonService;
  quizzes: QuizService;
  exercises: ExerciseService;
}

export function buildLearning(deps: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  lrs: Lrs;
  baseUrl: string;
  clock: Clock;
  cohorts: CohortsRepository;
}): Learning {
  const { db, clock } = deps;
  const courses = new CourseRepository(db);
  const assignments = new CohortModulesRepository(db);
  const enrolments = new ModuleVersionsRepository(db);
  const attemptsRepo = new AttemptsRepository(db);
  const progress = new ProgressRepository(db);
  const recorder = new LearningRecorder(deps.lrs.service, deps.baseUrl, clock);
  const run = unitOfWork(db, deps.lrs.service);
  const attempts = new ItemAttempts(attemptsRepo, recorder, clock, run);
  deps.lrs.service.subscribe(progressProjection(deps.baseUrl, progress, moduleCompletion({ courses, enrolments, progress, recorder, clock, run })));
  return {
    courses,
    assignments,
    assignment: new AssignmentService(assignments, courses, deps.cohorts, clock),
    enrolments,
    attempts: attemptsRepo,
    progress,
    modules: new LearnerModules(new CourseAccess(courses, assignments, enrolments, clock), recorder),
    dashboard: new DashboardService(courses, assignments, enrolments, progress),
    lessons: new LessonService(attempts, recorder),
    quizzes: new QuizService(attempts, recorder),
    exercises: new ExerciseService(attempts, recorder),
  };
}
