import type { EndingKind, Scenario, ScenarioNode } from '../scenario/types.ts';
import { escapeXml, truncate } from './escape-xml.ts';
import { BOX, layoutGraph, type Placed } from './layout-graph.ts';

type Style = { fill: string; stroke: string; label: string };

const STYLES: Record<Exclude<ScenarioNode['kind'], 'ending'> | EndingKind, Style> = {
  customer: { fill: '#dbeafe', stroke: '#1d4ed8', label: 'Client' },
  choice: { fill: '#fef3c7', stroke: '#92400e', label: 'Choix' },
  free: { fill: '#ede9fe', stroke: '#5b21b6', label: 'Réponse libre' },
  resolved: { fill: '#dcfce7', stroke: '#166534', label: 'Fin : résolu' },
  escalated: { fill: '#ffedd5', stroke: '#9a3412', label: 'Fin : escaladé' },
  'hung-up': { fill: '#fee2e2', stroke: '#991b1b', label: 'Fin : raccroché' },
};

function styleOf(node: ScenarioNode): Style {
  return STYLES[node.kind === 'ending' ? node.ending : node.kind];
}

function fullText(node: ScenarioNode): string {
  switch (node.kind) {
    case 'customer': return `Client : ${node.text}`;
    case 'choice': return [node.prompt, ...node.options.map((o, i) => `${i + 1}. ${o.text}`)].filter(Boolean).join(' — ');
    case 'free': return `Réponse libre : ${node.prompt}`;
    case 'ending': return `${node.outcome}${node.text ? ` — Client : ${node.text}` : ''}`;
  }
}

/**
 * The scenario's graph as a standalone, accessible SVG (title, desc, a title per node; no
 * script, no external resource), rendered on the server for trainers.
 */
export function renderScenarioSvg(scenario: Scenario): string {
  const { placed, edges, width, height } = layoutGraph(scenario);
  const legendHeight = 40;
  const prefix = `rp-${scenario.id}`;
  const nodes = Object.values(scenario.nodes);
  const phaseLabel = new Map(scenario.phases.map((p) => [p.id, p.label]));
  const count = (kind: string): number => nodes.filter((n) => (n.kind === 'ending' ? n.ending : n.kind) === kind).length;
  const desc = `${nodes.length} nœuds : ${count('customer')} réplique(s) du client, ${count('choice')} tour(s) à choix, ${count('free')} réponse(s) libre(s) ; `
    + `fins : ${count('resolved')} résolue(s), ${count('escalated')} escaladée(s), ${count('hung-up')} où le client raccroche. Départ : ${scenario.start}.`;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + legendHeight}" width="${width}" height="${height + legendHeight}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="sans-serif">`,
    `<title id="${prefix}-title">${escapeXml(`Graphe du scénario « ${scenario.title} »`)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(desc)}</desc>`,
    `<defs><marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#374151"/></marker></defs>`,
  ];
  for (const edge of edges) {
    const from = placed.get(edge.from) as Placed;
    const to = placed.get(edge.to) as Placed;
    parts.push(renderEdge(from, to, edge.label, `${prefix}-arrow`));
  }
  for (const node of nodes) {
    const at = placed.get(node.id) as Placed;
    const style = styleOf(node);
    const isEnding = node.kind === 'ending';
    parts.push(
      `<g class="rp-node rp-${node.kind}"><title>${escapeXml(`${node.id} — ${fullText(node)}`)}</title>`,
      `<rect x="${at.x}" y="${at.y}" width="${BOX.width}" height="${BOX.height}" rx="${isEnding ? 24 : 6}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${isEnding ? 4 : 2}"/>`,
      `<text x="${at.x + BOX.width / 2}" y="${at.y + 24}" text-anchor="middle" font-size="14" font-weight="bold" fill="#111827">${escapeXml(truncate(node.id, 24))}</text>`,
      `<text x="${at.x + BOX.width / 2}" y="${at.y + 44}" text-anchor="middle" font-size="12" fill="#111827">${escapeXml(style.label)}</text>`,
      `<text x="${at.x + BOX.width / 2}" y="${at.y + 61}" text-anchor="middle" font-size="12" font-style="italic" fill="#374151">${escapeXml(truncate(phaseLabel.get(node.phase) ?? node.phase, 30))}</text>`,
      '</g>',
    );
    if (node.id === scenario.start) {
      parts.push(`<text x="${at.x}" y="${at.y - 6}" font-size="12" font-weight="bold" fill="#111827">▶ Départ</text>`);
    }
  }
  parts.push(renderLegend(height, width), '</svg>');
  return parts.join('\n');
}

function renderEdge(from: Placed, to: Placed, label: string, marker: string): string {
  const forward = to.layer > from.layer;
  let d: string;
  let labelX: number;
  let labelY: number;
  if (forward) {
    const [x1, y1, x2, y2] = [from.x + BOX.width / 2, from.y + BOX.height, to.x + BOX.width / 2, to.y];
    d = `M${x1},${y1} C${x1},${y1 + 40} ${x2},${y2 - 40} ${x2},${y2}`;
    [labelX, labelY] = [(x1 + x2) / 2, (y1 + y2) / 2];
  } else if (to.layer === from.layer && Math.abs(to.x - from.x) > BOX.width + BOX.gapX + 1) {
    // Not side by side: arc under the row rather than through the boxes in between.
    const [x1, x2, y] = [from.x + BOX.width / 2, to.x + BOX.width / 2, from.y + BOX.height];
    d = `M${x1},${y} C${x1},${y + 45} ${x2},${y + 45} ${x2},${y}`;
    [labelX, labelY] = [(x1 + x2) / 2, y + 30];
  } else if (to.layer === from.layer) {
    const rightward = to.x > from.x;
    const [x1, x2, y] = [rightward ? from.x + BOX.width : from.x, rightward ? to.x : to.x + BOX.width, from.y + BOX.height / 2];
    d = `M${x1},${y} L${x2},${y}`;
    [labelX, labelY] = [(x1 + x2) / 2, y - 6];
  } else {
    // Back edges (loops, retries) go round the right-hand side. edges (loops, retries) go round the right-hand side.
    const [x1, y1, x2, y2] = [from.x + BOX.width, from.y + BOX.height / 2, to.x + BOX.width, to.y + BOX.height / 2];
    const bulge = Math.max(x1, x2) + 50;
    d = `M${x1},${y1} C${bulge},${y1} ${bulge},${y2} ${x2},${y2}`;
    [labelX, labelY] = [bulge - 10, (y1 + y2) / 2];
  }
  const text = label ? `<text x="${labelX}" y="${labelY}" font-size="11" text-anchor="middle" fill="#374151" paint-order="stroke" stroke="#ffffff" stroke-width="3">${escapeXml(label)}</text>` : '';
  const dashed = to.layer < from.layer ? 'stroke-dasharray="5 4" ' : '';
  return `<path d="${d}" fill="none" stroke="#374151" stroke-width="1.5" ${dashed}marker-end="url(#${marker})"/>${text}`;
}

function renderLegend(top: number, width: number): string {
  const entries = Object.values(STYLES);
  const step = Math.min(150, (width - 2 * BOX.margin) / entries.length);
  return entries
    .map((s, i) => {
      const x = BOX.margin + i * step;
      return `<rect x="${x}" y="${top + 8}" width="16" height="16" fill="${s.fill}" stroke="${s.stroke}" stroke-width="2"/><text x="${x + 22}" y="${top + 21}" font-size="12" fill="#111827">${escapeXml(s.label)}</text>`;
    })
    .join('\n');
}
