import { edgesOf } from '../scenario/node-edges.ts';
import type { Scenario } from '../scenario/types.ts';

export interface Placed {
  id: string;
  layer: number;
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  label: string;
}

export const BOX = { width: 200, height: 70, gapX: 60, gapY: 64, margin: 24 } as const;

/**
 * Layers by shortest distance from the start (unreachable nodes, if any, go last), file order
 * within a layer. Simple and stable: trainers see the call read from top to bottom.
 */
export function layoutGraph(scenario: Scenario): { placed: Map<string, Placed>; edges: GraphEdge[]; width: number; height: number } {
  const ids = Object.keys(scenario.nodes);
  const depth = new Map<string, number>([[scenario.start, 0]]);
  const queue = [scenario.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const node = scenario.nodes[id];
    if (!node) continue;
    for (const edge of edgesOf(node)) {
      if (!depth.has(edge.to) && scenario.nodes[edge.to]) {
        depth.set(edge.to, (depth.get(id) ?? 0) + 1);
        queue.push(edge.to);
      }
    }
  }
  const deepest = Math.max(0, ...depth.values());
  const layers: string[][] = [];
  for (const id of ids) {
    const layer = depth.get(id) ?? deepest + 1;
    (layers[layer] ??= []).push(id);
  }
  const widest = Math.max(1, ...layers.map((l) => l?.length ?? 0));
  const width = BOX.margin * 2 + widest * BOX.width + (widest - 1) * BOX.gapX + 110;
  const placed = new Map<string, Placed>();
  layers.forEach((layer, index) => {
    const rowWidth = layer.length * BOX.width + (layer.length - 1) * BOX.gapX;
    const left = (width - 110 - rowWidth) / 2;
    layer.forEach((id, i) => placed.set(id, { id, layer: index, x: left + i * (BOX.width + BOX.gapX), y: BOX.margin + 20 + index * (BOX.height + BOX.gapY) }));
  });
  const edges = mergeParallel(ids.flatMap((id) => edgesOf(scenario.nodes[id]).filter((e) => scenario.nodes[e.to]).map((e) => ({ from: id, to: e.to, label: edgeLabel(e.path) }))));
  const height = BOX.margin * 2 + 20 + layers.length * (BOX.height + BOX.gapY);
  return { placed, edges, width, height };
}

/** A short label from where the target is written: "choix 2", "attente", "silence"... */
function edgeLabel(path: ReadonlyArray<string | number>): string {
  const [, , key, index] = path;
  switch (key) {
    case 'choices': return `choix ${Number(index) + 1}`;
    case 'hold': return 'attente';
    case 'transfer': return 'transfert';
    case 'good': return 'réussie';
    case 'weak': return 'à revoir';
    case 'timeLimit': return 'silence';
    case 'ifMoodBelow': return 'humeur basse';
    default: return '';
  }
}

/** Several ways from one node to the same node are drawn once: "choix 1, choix 2". */
function mergeParallel(edges: GraphEdge[]): GraphEdge[] {
  const merged = new Map<string, GraphEdge>();
  for (const edge of edges) {
    const key = `${edge.from}\u0000${edge.to}`;
    const seen = merged.get(key);
    if (seen) seen.label = [seen.label, edge.label].filter(Boolean).join(', ');
    else merged.set(key, { ...edge });
  }
  return [...merged.values()];
}
