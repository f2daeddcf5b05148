/**
 * Everything the release review and the certificate say about a learner's work, from their
 * statements, the attendance hours and the course outlines. Pure.
 */
import type { Statement } from '../../lrs/index.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import { competencyLevels } from './competency-levels.ts';
import { applyOverrides, type FinalCompetencyLevel, type LevelOverride } from './level-overrides.ts';
import { modulesCompleted, type ModuleOutline, type ModuleResult } from './modules-completed.ts';
import { practiceCounts, type PracticeCounts } from './practice-counts.ts';
import { roleplayPerformance, type RoleplayPerformance } from './roleplay-performance.ts';
import { trainingHours, type TrainingHours } from './training-hours.ts';

export interface EvidenceInput {
  statements: readonly Statement[];
  framework: CompetencyFramework;
  modules: readonly ModuleOutline[];
  attendanceHours: number;
  overrides: readonly LevelOverride[];
  baseUrl: string;
}

export interface LearnerEvidence {
  modules: ModuleResult[];
  competencies: FinalCompetencyLevel[];
  hours: TrainingHours;
  roleplay: RoleplayPerformance;
  practice: PracticeCounts;
  statementCount: number;
}

export function learnerEvidence(input: EvidenceInput): LearnerEvidence {
  return {
    modules: modulesCompleted(input.statements, input.modules, input.baseUrl),
    competencies: applyOverrides(competencyLevels(input.statements, input.framework), input.overrides),
    hours: trainingHours(input.attendanceHours, input.statements),
    roleplay: roleplayPerformance(input.statements),
    practice: practiceCounts(input.statements),
    statementCount: input.statements.length,
  };
}
