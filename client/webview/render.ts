// Graph + layout → SVG. Colours come from CSS classes (webview.css maps them to VS Code's theme
// variables); manifest strings only ever reach the DOM through dom.ts (textContent / setAttribute).
import type { RoutingEdge, RoutingGraph, RoutingNode, RoutingNodeKind } from '../../common/routing';
import { columns } from './columns';
import { svgEl } from './dom';
import type { Box, Layout, Point, Sizes } from './layout';
import { FONT, fit, textWidth } from './measure';

export const NODE_MIN_WIDTH = 120;
export const NODE_MAX_WIDTH = 300;
const PAD_X = 12;
const STRIPE = 4;

/** Column headings: a newcomer reads the drawing as "entry point → routing table → rule → destination → pods". */
const COLUMN_TITLES: Record<number, string> = {
  0: 'Entry points',
  1: 'VirtualServices',
  2: 'Rules (first match wins)',
  3: 'Delegated VirtualServices',
  4: 'Delegated rules',
  5: 'Destinations',
  6: 'Workloads',
};

export const KIND_NAMES: Record<RoutingNodeKind, string> = {
  gateway: 'Gateway',
  virtualService: 'VirtualService',
  rule: 'Rule',
  fallthrough: 'No rule matches',
  service: 'Service',
  subset: 'Subset',
  workload: 'Workload',
};

export function nodeSizes(graph: RoutingGraph): Sizes {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return {
    node(id) {
      const n = byId.get(id);
      const label = n ? textWidth(n.label, FONT.label) : 0;
      const sub = n?.sublabel ? textWidth(n.sublabel, FONT.sublabel) : 0;
      const width = Math.min(NODE_MAX_WIDTH, Math.max(NODE_MIN_WIDTH, Math.ceil(Math.max(label, sub)) + 2 * PAD_X + STRIPE + 14));
      return { width, height: n?.sublabel ? 44 : 30 };
    },
    edgeLabel(text) {
      return { width: Math.ceil(textWidth(text, FONT.edge)) + 8, height: 16 };
    },
  };
}

export interface RenderHandlers {
  readonly reveal: (node: RoutingNode) => void;
  readonly hover: (node: RoutingNode | undefined, anchor: Element | undefined) => void;
}

export interface Rendered {
  readonly nodeEls: ReadonlyMap<string, SVGGElement>;
  readonly edgeEls: ReadonlyMap<string, SVGGElement>;
  /** The drawing's own extent (for fit and export). */
  readonly bounds: Box;
}

/** A path through orthogonal points with small rounded corners. */
function pathData(points: readonly Point[]): string {
  if (points.length < 2) return '';
  const r = 5;
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const inLen = Math.hypot(b.x - a.x, b.y - a.y);
    const outLen = Math.hypot(c.x - b.x, c.y - b.y);
    const k = Math.min(r, inLen / 2, outLen / 2);
    if (k < 0.5) {
      d += ` L${b.x},${b.y}`;
      continue;
    }
    const p1 = { x: b.x - ((b.x - a.x) / inLen) * k, y: b.y - ((b.y - a.y) / inLen) * k };
    const p2 = { x: b.x + ((c.x - b.x) / outLen) * k, y: b.y + ((c.y - b.y) / outLen) * k };
    d += ` L${p1.x},${p1.y} Q${b.x},${b.y} ${p2.x},${p2.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L${last.x},${last.y}`;
}

function markers(): SVGDefsElement {
  const defs = svgEl('defs');
  for (const name of ['ok', 'broken', 'unreachable', 'mirror', 'hl']) {
    const marker = svgEl('marker', { id: `arrow-${name}`, class: `marker marker-${name}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
    marker.appendChild(svgEl('path', { d: 'M0,0 L10,5 L0,10 z' }));
    defs.appendChild(marker);
  }
  return defs;
}

function markerFor(e: RoutingEdge): string {
  if (e.state !== 'ok') return e.state;
  return e.kind === 'mirror' ? 'mirror' : 'ok';
}

/** Accessible name of a node: what a screen reader says when tabbing through the drawing. */
export function nodeDescription(n: RoutingNode): string {
  const parts = [`${KIND_NAMES[n.kind]} ${n.label}`];
  if (n.sublabel) parts.push(n.sublabel);
  if (n.state === 'broken') parts.push(`broken: ${(n.problems ?? []).join('; ')}`);
  if (n.state === 'unreachable') parts.push('unreachable');
  return parts.join(', ');
}

function drawEdge(e: RoutingEdge, geometry: Layout['edges'] extends ReadonlyMap<string, infer G> ? G : never): SVGGElement {
  const g = svgEl('g', { class: `edge kind-${e.kind} state-${e.state}`, 'data-id': e.id, 'data-marker': markerFor(e) });
  const width = e.kind === 'route' && e.weight !== undefined ? 1.25 + (e.weight / 100) * 2.75 : undefined;
  const line = svgEl('path', { class: 'edge-line', d: pathData(geometry.points), 'marker-end': `url(#arrow-${markerFor(e)})` });
  // Through the CSSOM: the CSP forbids style attributes.
  if (width) line.style.strokeWidth = `${width.toFixed(2)}px`;
  g.appendChild(line);
  if (e.problems?.length) g.appendChild(svgEl('title', {}, e.problems.join('\n')));
  if (e.label && geometry.label) {
    const l = geometry.label;
    const lg = svgEl('g', { class: 'edge-label' });
    lg.appendChild(svgEl('rect', { x: l.x, y: l.y, width: l.width, height: l.height, rx: 3 }));
    lg.appendChild(svgEl('text', { x: l.x + l.width / 2, y: l.y + l.height / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, e.label));
    g.appendChild(lg);
  }
  return g;
}

function drawNode(n: RoutingNode, box: Box, handlers: RenderHandlers): SVGGElement {
  const g = svgEl('g', {
    class: `node kind-${n.kind} state-${n.state}`,
    'data-id': n.id,
    tabindex: 0,
    role: n.location ? 'button' : 'img',
    'aria-label': nodeDescription(n),
    transform: `translate(${box.x},${box.y})`,
  });
  g.appendChild(svgEl('rect', { class: 'node-box', width: box.width, height: box.height, rx: 5 }));
  g.appendChild(svgEl('rect', { class: 'node-stripe', width: STRIPE, height: box.height, rx: 1 }));
  const textMax = box.width - 2 * PAD_X - STRIPE - (n.state === 'broken' ? 14 : 0);
  const x = STRIPE + PAD_X;
  if (n.sublabel) {
    g.appendChild(svgEl('text', { class: 'node-label', x, y: 18 }, fit(n.label, FONT.label, textMax)));
    g.appendChild(svgEl('text', { class: 'node-sublabel', x, y: 34 }, fit(n.sublabel, FONT.sublabel, textMax)));
  } else {
    g.appendChild(svgEl('text', { class: 'node-label', x, y: box.height / 2, 'dominant-baseline': 'central' }, fit(n.label, FONT.label, textMax)));
  }
  if (n.state === 'broken') g.appendChild(svgEl('text', { class: 'node-badge', x: box.width - 10, y: 16, 'text-anchor': 'middle' }, '!'));
  g.addEventListener('mouseenter', () => handlers.hover(n, g));
  g.addEventListener('mouseleave', () => handlers.hover(undefined, undefined));
  g.addEventListener('focus', () => handlers.hover(n, g));
  g.addEventListener('blur', () => handlers.hover(undefined, undefined));
  // A drag that pans the drawing swallows its click (zoom-pan.ts), so this is a real click.
  g.addEventListener('click', () => handlers.reveal(n));
  g.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      handlers.reveal(n);
    }
  });
  return g;
}

/** Replaces the content of `viewport` (a <g> inside `svg`) with the drawing. */
export function renderGraph(svg: SVGSVGElement, viewport: SVGGElement, graph: RoutingGraph, layout: Layout, handlers: RenderHandlers): Rendered {
  svg.querySelector('defs')?.remove();
  svg.insertBefore(markers(), svg.firstChild);
  while (viewport.firstChild) viewport.removeChild(viewport.firstChild);

  // Column headings above the leftmost node of each column that has nodes.
  const column = columns(graph);
  const colX = new Map<number, number>();
  for (const n of graph.nodes) {
    const box = layout.nodes.get(n.id);
    const c = column.get(n.id);
    if (box && c !== undefined) colX.set(c, Math.min(colX.get(c) ?? Infinity, box.x));
  }
  const top = Math.min(...[...layout.nodes.values()].map((b) => b.y), 40);
  const headings = svgEl('g', { class: 'column-headings' });
  for (const [c, x] of colX) headings.appendChild(svgEl('text', { class: 'column-heading', x, y: top - 12 }, COLUMN_TITLES[c] ?? ''));
  viewport.appendChild(headings);

  const edgeLayer = svgEl('g', { class: 'edges' });
  const edgeEls = new Map<string, SVGGElement>();
  for (const e of graph.edges) {
    const geometry = layout.edges.get(e.id);
    if (!geometry || geometry.points.length < 2) continue;
    const el = drawEdge(e, geometry);
    edgeEls.set(e.id, el);
    edgeLayer.appendChild(el);
  }
  viewport.appendChild(edgeLayer);

  const nodeLayer = svgEl('g', { class: 'nodes' });
  const nodeEls = new Map<string, SVGGElement>();
  for (const n of graph.nodes) {
    const box = layout.nodes.get(n.id);
    if (!box) continue;
    const el = drawNode(n, box, handlers);
    nodeEls.set(n.id, el);
    nodeLayer.appendChild(el);
  }
  viewport.appendChild(nodeLayer);
  const minY = Math.min(0, top - 30);
  return { nodeEls, edgeEls, bounds: { x: 0, y: minY, width: layout.width, height: layout.height - minY } };
}

/** Brightens the simulated request's path and dims everything else; empty lists clear it. Returns how many elements are lit. */
export function applyHighlight(svg: SVGSVGElement, rendered: Rendered, nodes: readonly string[], edges: readonly string[]): number {
  const nodeSet = new Set(nodes);
  const edgeSet = new Set(edges);
  svg.classList.toggle('simulating', nodeSet.size > 0 || edgeSet.size > 0);
  let count = 0;
  for (const [id, el] of rendered.nodeEls) {
    el.classList.toggle('hl', nodeSet.has(id));
    if (nodeSet.has(id)) count++;
  }
  for (const [id, el] of rendered.edgeEls) {
    const on = edgeSet.has(id);
    el.classList.toggle('hl', on);
    el.querySelector('.edge-line')?.setAttribute('marker-end', `url(#arrow-${on ? 'hl' : (el.dataset.marker ?? 'ok')})`);
    if (on) count++;
  }
  return count;
}
