import { parseScenario, type ScenarioResult } from '../roleplay/scenario/parse-scenario.ts';
import { renderScenarioSvg } from '../roleplay/graph/render-scenario-svg.ts';
import { competencyCodes } from '../courses/format/parse-competencies.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import type { ModuleFiles } from './draft-files.ts';
import { listNodes, type NodeBlock } from './scenario-nodes.ts';

export interface ScenarioEditorModel {
  nodes: Array<NodeBlock & { errors: Array<{ line?: number; message: string }> }>;
  /** Messages that belong to no node (header, persona, phases). */
  otherErrors: Array<{ line?: number; message: string }>;
  svg: string | null;
  readable: boolean;
  result: ScenarioResult;
}

/** Parses one scenario file of a draft and places each message next to the node it falls in. */
export function checkScenario(moduleId: string, filePath: string, text: string, files: ModuleFiles, framework: CompetencyFramework): ScenarioEditorModel {
  const result = parseScenario(text, `${moduleId}/${filePath}`, { competencyCodes: competencyCodes(framework), assetPaths: new Set(files.keys()) });
  const blocks = listNodes(text);
  const errors = result.ok ? [] : result.errors.map((e) => ({ ...(e.line ? { line: e.line } : {}), message: e.message }));
  const owner = (line: number | undefined) => (line === undefined ? undefined : blocks?.find((b) => line >= b.firstLine && line <= b.lastLine)?.id);
  return {
    nodes: (blocks ?? []).map((b) => ({ ...b, errors: errors.filter((e) => owner(e.line) === b.id) })),
    otherErrors: errors.filter((e) => owner(e.line) === undefined),
    svg: result.ok ? renderScenarioSvg(result.scenario) : null,
    readable: blocks !== null,
    result,
  };
}
