import type { RoleplayItem } from '../courses/format/types.ts';
import type { CourseVersion } from '../courses/import/course-version.ts';
import { minutesSeconds } from './format-time.ts';

/** The page before picking up the phone: who calls, why, and how long the call should take. Pure. */
export function startView(version: CourseVersion, item: RoleplayItem) {
  const { scenario } = item;
  return {
    moduleId: version.moduleId,
    moduleTitle: version.content.title,
    itemId: item.id,
    scenarioTitle: item.title,
    summary: scenario.summary,
    callTypeKey: `calls.callType.${scenario.callType}`,
    persona: { name: scenario.persona.name, situation: scenario.persona.situation },
    target: minutesSeconds(scenario.targetSeconds),
    passMark: scenario.passMark,
    phases: scenario.phases.map((p) => p.label),
  };
}
