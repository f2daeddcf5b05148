import type { Path } from './field-reader.ts';
import type { ScenarioNode } from './types.ts';

export interface Edge {
  to: string;
  /** Where the target is written, for error lines. */
  path: Path;
}

/** Every node a node can lead to, whatever the learner does. */
export function edgesOf(node: ScenarioNode): Edge[] {
  const base: Path = ['nodes', node.id];
  const edges: Edge[] = [];
  switch (node.kind) {
    case 'customer':
      edges.push({ to: node.next, path: [...base, 'next'] });
      if (node.ifMoodBelow) edges.push({ to: node.ifMoodBelow.next, path: [...base, 'ifMoodBelow', 'next'] });
      break;
    case 'choice': {
      let sayIndex = 0;
      for (const option of node.options) {
        const at: Path = option.kind === 'say' ? [...base, 'choices', sayIndex++, 'next'] : [...base, option.kind, 'next'];
        edges.push({ to: option.next, path: at });
      }
      break;
    }
    case 'free':
      edges.push({ to: node.good.next, path: [...base, 'good', 'next'] }, { to: node.weak.next, path: [...base, 'weak', 'next'] });
      break;
    case 'ending':
      break;
  }
  if (node.kind !== 'ending' && node.kind !== 'customer' && node.timeLimit?.next) {
    edges.push({ to: node.timeLimit.next, path: [...base, 'timeLimit', 'next'] });
  }
  return edges.filter((edge) => edge.to !== '');
}
