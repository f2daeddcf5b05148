import type { FieldReader } from './field-reader.ts';
import { edgesOf } from './node-edges.ts';
import type { ScenarioNode } from './types.ts';

/**
 * Graph checks: unknown targets, unreachable nodes and endings, cycles with no exit, and loops
 * of customer lines with no learner turn (the engine would spin through them).
 */
export function checkGraph(reader: FieldReader, nodes: ReadonlyMap<string, ScenarioNode>, start: string): void {
  // A node that failed to parse (or a missing `next`) would make the rest look unreachable.
  const earlierErrors = reader.errors.length;
  if (!nodes.has(start)) {
    reader.error(['start'], `le nœud de départ « ${start} » n’existe pas.`);
    return;
  }
  const successors = new Map<string, string[]>();
  let unknownTargets = 0;
  for (const node of nodes.values()) {
    const known: string[] = [];
    for (const edge of edgesOf(node)) {
      if (nodes.has(edge.to)) known.push(edge.to);
      else {
        unknownTargets++;
        reader.error(edge.path, `cible inconnue « ${edge.to} » : aucun nœud ne porte ce nom.`);
      }
    }
    successors.set(node.id, known);
  }
  // A mistyped target makes everything after it look unreachable: report the typo alone first.
  if (unknownTargets > 0 || earlierErrors > 0) return;
  const reachable = walk([start], (id) => successors.get(id) ?? []);
  for (const node of nodes.values()) {
    if (!reachable.has(node.id)) {
      const what = node.kind === 'ending' ? 'fin inaccessible' : 'nœud inaccessible';
      reader.error(['nodes', node.id], `${what} « ${node.id} » : aucun chemin depuis « ${start} » n’y mène.`);
    }
  }
  for (const component of stronglyConnected([...reachable], successors)) {
    const first = nodes.get(component[0]);
    if (!first || first.kind === 'ending') continue;
    const inside = new Set(component);
    const isCycle = component.length > 1 || (successors.get(first.id) ?? []).includes(first.id);
    const exits = component.some((id) => (successors.get(id) ?? []).some((to) => !inside.has(to)));
    if (isCycle && !exits) {
      reader.error(['nodes', first.id], `boucle sans sortie : ${component.join(' → ')} ne mène à aucune fin.`);
    } else if (isCycle && component.every((id) => nodes.get(id)?.kind === 'customer')) {
      reader.error(['nodes', first.id], `boucle de répliques du client sans tour de l’apprenant : ${component.join(' → ')}.`);
    }
  }
}

function walk(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>(from);
  const stack = [...from];
  while (stack.length > 0) {
    for (const to of next(stack.pop() as string)) {
      if (!seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  return seen;
}

/** Tarjan's algorithm; components come out in file order of their first visited node. */
function stronglyConnected(ids: string[], successors: ReadonlyMap<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (id: string): void => {
    index.set(id, index.size);
    low.set(id, index.get(id) as number);
    stack.push(id);
    onStack.add(id);
    for (const to of successors.get(id) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(id, Math.min(low.get(id) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(id, Math.min(low.get(id) as number, index.get(to) as number));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      components.push(component.reverse());
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return components;
}
