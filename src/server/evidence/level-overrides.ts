/**
 * Trainer overrides of computed competency levels. Pure. An override without a written
 * justification is refused; the computed level stays next to the chosen one so the registry
 * keeps both.
 */
import type { CompetencyLevel, CompetencyLevelResult } from './competency-levels.ts';

export interface LevelOverride {
  code: string;
  level: CompetencyLevel;
  justification: string;
  by: string;
  at: string;
}

export interface FinalCompetencyLevel extends CompetencyLevelResult {
  computedLevel: CompetencyLevel;
  override: LevelOverride | null;
}

export const MIN_JUSTIFICATION_LENGTH = 10;

export function applyOverrides(levels: readonly CompetencyLevelResult[], overrides: readonly LevelOverride[]): FinalCompetencyLevel[] {
  const byCode = new Map(overrides.map((o) => [o.code, o]));
  return levels.map((row) => {
    const override = byCode.get(row.code);
    const valid = override && override.level !== row.level && override.justification.trim().length >= MIN_JUSTIFICATION_LENGTH ? override : null;
    return { ...row, computedLevel: row.level, level: valid ? valid.level : row.level, override: valid };
  });
}
