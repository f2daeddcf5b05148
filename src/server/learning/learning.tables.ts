import type { ItemType } from '../courses/format/types.ts';
import type { AttemptStatus } from './attempts/attempt.ts';
import type { ProgressStatus } from './progress/item-progress.ts';

/** Row types of the tables learning.migrations.ts creates. */
declare module '../db/database.ts' {
  interface Database {
    cohort_modules: CohortModulesTable;
    learner_module_versions: LearnerModuleVersionsTable;
    learning_attempts: LearningAttemptsTable;
    learner_item_progress: LearnerItemProgressTable;
    projection_checkpoint: ProjectionCheckpointTable;
  }
}

export interface CohortModulesTable {
  cohort_id: string;
  module_id: string;
  position: number;
  prerequisite_module_id: string | null;
  assigned_at: string;
}

/** An enrolment: the version a learner started a module on (finished_at and success are a projection of the LRS). */
export interface LearnerModuleVersionsTable {
  user_id: string;
  module_id: string;
  version_id: number;
  registration: string;
  started_at: string;
  finished_at: string | null;
  /** 0 or 1, null until finished. */
  success: number | null;
}

export interface LearningAttemptsTable {
  id: string;
  user_id: string;
  module_id: string;
  item_id: string;
  item_type: ItemType;
  version_id: number;
  attempt_number: number;
  state_json: string;
  status: AttemptStatus;
  score_scaled: number | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** A projection of the LRS (progress-projection.ts). */
export interface LearnerItemProgressTable {
  user_id: string;
  module_id: string;
  item_id: string;
  status: ProgressStatus;
  score_scaled: number | null;
  attempts: number;
  duration_seconds: number;
  last_registration: string | null;
  updated_at: string;
}

export interface ProjectionCheckpointTable {
  name: string;
  /** Stored id of the last LRS statement applied ('' = none yet). */
  last_sid: string;
  updated_at: string;
}
