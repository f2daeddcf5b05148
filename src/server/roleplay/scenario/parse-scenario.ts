import { basename } from 'node:path';
import type { SourceError } from '../../courses/format/source-error.ts';
import { parseYamlSource } from '../../courses/format/yaml-source.ts';
import { checkGraph } from './check-graph.ts';
import { checkStoryDates, parseStoryDate } from './check-story-dates.ts';
import { DEFAULT_PASS_MARK } from './defaults.ts';
import { FieldReader } from './field-reader.ts';
import { parseNode } from './parse-node.ts';
import { parsePersona } from './parse-persona.ts';
import { parsePhases } from './parse-phases.ts';
import type { CallType, Phase, Scenario, ScenarioNode } from './types.ts';

export interface ScenarioContext {
  /** Competency codes known in courses/competences.yaml. */
  competencyCodes: Set<string>;
  /** Files of the module folder (relative to it): when given, recorded `audio:` files must be among them. */
  assetPaths?: ReadonlySet<string>;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: SourceError[] };

const TOP_KEYS = ['id', 'title', 'summary', 'storyDate', 'callType', 'competencies', 'targetSeconds', 'passMark', 'phases', 'persona', 'start', 'nodes', 'written'] as const;
const CALL_TYPES: readonly CallType[] = ['inbound', 'outbound'];
const NODE_ID = /^[a-z0-9][a-z0-9-]*$/;
const SCENARIO_ID = NODE_ID;

/**
 * Parses and validates one scenario file (`file` is relative to the courses root, used in
 * errors). Pure: everything it needs comes in through its arguments.
 */
export function parseScenario(text: string, file: string, context: ScenarioContext): ScenarioResult {
  const yaml = parseYamlSource(text, file);
  if (!yaml.ok) return yaml;
  const reader = new FieldReader(yaml.source);
  const top = reader.map(yaml.source.data, [], 'le scénario');
  if (!top) return { ok: false, errors: reader.errors };
  reader.onlyKeys(top, TOP_KEYS, []);

  const id = reader.text(top, 'id', [], { required: true }) ?? '';
  if (id && !SCENARIO_ID.test(id)) reader.error(['id'], `identifiant invalide « ${id} » : minuscules sans accent, chiffres et tirets (renommez aussi le fichier).`);
  const expectedId = basename(file).replace(/\.ya?ml$/, '');
  if (id && id !== expectedId) reader.error(['id'], `l’identifiant « ${id} » doit être le nom du fichier (« ${expectedId} »).`);
  const callType = top.callType as CallType;
  if (!CALL_TYPES.includes(callType)) reader.error(['callType'], '« callType » vaut inbound (appel entrant) ou outbound (appel sortant).');
  if (top.written !== undefined && typeof top.written !== 'boolean') reader.error(['written'], '« written » doit valoir true ou false (true : tout l’échange est écrit, un chat par exemple).');
  const competencies = reader.textList(top, 'competencies', []);
  competencies.forEach((code) => {
    if (!context.competencyCodes.has(code)) reader.error(['competencies'], `compétence inconnue « ${code} » (voir courses/competences.yaml).`);
  });
  const targetSeconds = reader.number(top, 'targetSeconds', [], { min: 10, max: 3600 });
  if (targetSeconds === undefined) reader.error(['targetSeconds'], '« targetSeconds » (durée cible de l’appel, en secondes, de 10 à 3600) est obligatoire.');
  const storyDate = parseStoryDate(reader, top);
  if (storyDate) checkStoryDates(reader, top, storyDate);
  const phases = parsePhases(reader, top.phases);
  const persona = parsePersona(reader, top.persona);
  const start = reader.text(top, 'start', [], { required: true }) ?? '';
  const nodes = parseNodes(reader, top.nodes, {
    phaseIds: new Set(phases.map((p) => p.id)),
    competencyCodes: new Set(competencies.filter((code) => context.competencyCodes.has(code))),
    lookupKeys: new Set((persona?.record ?? []).filter((f) => f.lookup).map((f) => f.key)),
  });
  if (start) checkGraph(reader, nodes, start);
  if (top.phases !== undefined) checkDeclaredPhasesUsed(reader, phases, nodes);
  checkRecordedAudio(reader, nodes, context.assetPaths);

  if (reader.errors.length > 0 || !persona) return { ok: false, errors: sortByLine(reader.errors) };
  return {
    ok: true,
    scenario: {
      id,
      title: reader.text(top, 'title', [], { required: true }) ?? id,
      summary: reader.text(top, 'summary', [], { required: false }) ?? '',
      ...(storyDate ? { storyDate: storyDate.iso } : {}),
      callType,
      ...(top.written === true ? { written: true } : {}),
      competencies,
      targetSeconds: targetSeconds ?? 0,
      passMark: reader.number(top, 'passMark', [], { min: 1, max: 100 }) ?? DEFAULT_PASS_MARK,
      phases,
      persona,
      start,
      nodes: Object.fromEntries(nodes),
    },
  };
}

function parseNodes(reader: FieldReader, value: unknown, ctx: Parameters<typeof parseNode>[3]): Map<string, ScenarioNode> {
  const nodes = new Map<string, ScenarioNode>();
  const obj = reader.map(value, ['nodes'], '« nodes »');
  if (!obj) return nodes;
  for (const [id, raw] of Object.entries(obj)) {
    if (!NODE_ID.test(id)) reader.error(['nodes', id], `nom de nœud invalide « ${id} » (minuscules, chiffres et tirets).`);
    const node = parseNode(reader, id, raw, ctx);
    if (node) nodes.set(id, node);
  }
  if (![...nodes.values()].some((n) => n.kind === 'ending')) reader.error(['nodes'], 'le scénario doit avoir au moins une fin (ending).');
  return nodes;
}

/** Phases a scenario lists itself are meant to be played: one that no node uses is a slip. */
function checkDeclaredPhasesUsed(reader: FieldReader, phases: readonly Phase[], nodes: ReadonlyMap<string, ScenarioNode>): void {
  const used = new Set([...nodes.values()].map((n) => n.phase));
  phases.forEach((phase, index) => {
    if (!used.has(phase.id)) reader.error(['phases', index], `la phase « ${phase.id} » n’a aucun nœud : retirez-la ou placez-y un tour.`);
  });
}

const AUDIO_FILE = /^(?!\/)(?!.*\.\.)[\w\-./]+\.(mp3|ogg|oga|opus|wav|m4a|webm)$/i;

/** Recorded audio is a file of the module folder, named without leaving it. */
function checkRecordedAudio(reader: FieldReader, nodes: ReadonlyMap<string, ScenarioNode>, assets: ReadonlySet<string> | undefined): void {
  for (const node of nodes.values()) {
    if ((node.kind !== 'customer' && node.kind !== 'ending') || !node.audio) continue;
    const path = ['nodes', node.id, 'audio'];
    if (!AUDIO_FILE.test(node.audio)) reader.error(path, `fichier son invalide « ${node.audio} » : un chemin dans le dossier du module, en .mp3, .ogg, .wav ou .m4a.`);
    else if (assets && !assets.has(node.audio)) reader.error(path, `fichier son introuvable : « ${node.audio} » n’existe pas dans le dossier du module.`);
  }
}

function sortByLine(errors: SourceError[]): SourceError[] {
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
