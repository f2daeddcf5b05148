import type { Competency } from '../courses/format/types.ts';
import { cohortBoard, type BoardModule, type BoardRow } from './cohort-board.ts';
import type { Followup } from './followup.ts';
import type { LearnerDigest } from './learner-digest.ts';
import type { CohortScope } from './trainer-scope.ts';

export interface CohortBoardData {
  modules: BoardModule[];
  rows: BoardRow[];
  /** Competency levels per learner. */
  levels: Map<string, LearnerDigest['competencies']>;
  /** The competencies the cohort's modules train (all of the framework when none is assigned). */
  competencies: Competency[];
}

/** The modules assigned to a cohort, in order, with the items of their latest version. */
export async function boardModules(followup: Followup, cohortId: string): Promise<BoardModule[]> {
  const [assigned, catalogue] = await Promise.all([followup.board.assignedModuleIds(cohortId), followup.catalogue.modules()]);
  const byId = new Map(catalogue.map((m) => [m.id, m]));
  return assigned.flatMap((id) => {
    const m = byId.get(id);
    return m ? [{ id: m.id, title: m.title, itemIds: m.items.map((i) => i.id) }] : [];
  });
}

/** Everything the board shows for one cohort, read in a few queries. */
export async function loadCohortBoard(followup: Followup, scope: CohortScope): Promise<CohortBoardData> {
  const learnerIds = scope.learners.map((l) => l.userId);
  const [modules, progress, levels] = await Promise.all([
    boardModules(followup, scope.cohort.id),
    followup.board.progress(learnerIds),
    followup.digests.levels(learnerIds),
  ]);
  const competencies =
    modules.length > 0 ? await followup.catalogue.competencies(modules.map((m) => m.id)) : (await followup.framework()).blocks.flatMap((b) => b.competencies);
  const learners = scope.learners.map((l) => ({ id: l.userId, name: l.displayName, login: l.login }));
  return { modules, rows: cohortBoard(learners, modules, progress), levels, competencies };
}
