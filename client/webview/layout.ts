// Layered layout with elkjs (the Eclipse Layout Kernel), in the page itself: elk.bundled.js runs its
// layout code in a fake worker, so no worker script (and no CSP exception for one) is needed.
// Columns and the order inside each column are fixed (columns.ts, order.ts) and handed to ELK as
// positions with its interactive strategies; ELK places the nodes and routes the edges.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { RoutingGraph } from '../../common/routing';
import { columns } from './columns';
import { columnOrder } from './order';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly nodes: ReadonlyMap<string, Box>;
  readonly edges: ReadonlyMap<string, { readonly points: readonly Point[]; readonly label?: Box }>;
}

export interface Sizes {
  node(id: string): { width: number; height: number };
  edgeLabel(text: string): { width: number; height: number };
}

const elk = new ELK();

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Layers from the x positions we give (one x per column), so every node of a column shares one layer
  // even when edges skip a column (a rule routing straight to a workload-less host).
  'elk.layered.layering.strategy': 'INTERACTIVE',
  'elk.edgeRouting': 'ORTHOGONAL',
  // The order inside each column comes from order.ts (rules in match order), given as y positions.
  'elk.layered.crossingMinimization.strategy': 'INTERACTIVE',
  // One drawing, not one per connected component: components packed side by side would break the columns.
  'elk.separateConnectedComponents': 'false',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.spacing.nodeNode': '16',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '8',
  'elk.padding': '[top=44,left=20,bottom=20,right=20]',
};

const LABEL_GAP = 12;

/**
 * Where an edge's label goes: above the last horizontal stretch of the edge, ending just before the
 * arrow (so it reads as "this share goes into that node"); centred on the stretch when it is short.
 * Labels are placed here rather than by ELK, whose label dummies would shift nodes out of their column.
 */
export function labelBox(points: readonly Point[], size: { width: number; height: number }): Box | undefined {
  for (let i = points.length - 1; i > 0; i--) {
    const a = points[i - 1];
    const b = points[i];
    if (Math.abs(a.y - b.y) > 0.5 || Math.abs(b.x - a.x) < 1) continue;
    const [left, right] = a.x < b.x ? [a.x, b.x] : [b.x, a.x];
    const end = right - LABEL_GAP;
    const x = end - size.width >= left + 4 ? end - size.width : (left + right - size.width) / 2;
    return { x, y: a.y - size.height - 1, width: size.width, height: size.height };
  }
  return undefined;
}

export async function layoutGraph(graph: RoutingGraph, sizes: Sizes): Promise<Layout> {
  const column = columns(graph);
  const rank = columnOrder(graph, column);
  const labelSizes = new Map(graph.edges.filter((e) => e.label).map((e) => [e.id, sizes.edgeLabel(e.label as string)]));
  const widest = Math.max(0, ...[...labelSizes.values()].map((l) => l.width));
  const children: ElkNode[] = graph.nodes.map((n, i) => ({ id: n.id, ...sizes.node(n.id), x: (column.get(n.id) ?? 0) * 2000, y: (rank.get(n.id) ?? i) * 100, layoutOptions: { 'elk.alignment': 'LEFT' } }));
  const edges: ElkExtendedEdge[] = graph.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] }));
  // Room between columns for the widest label, so a label never covers the node it points to.
  const between = Math.min(240, Math.max(56, widest + 2 * LABEL_GAP + 16));
  const root: ElkNode = { id: 'root', layoutOptions: { ...OPTIONS, 'elk.layered.spacing.nodeNodeBetweenLayers': String(between) }, children, edges };
  const result: ElkNode = await elk.layout(root);
  const nodes = new Map<string, Box>();
  for (const c of result.children ?? []) nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const laidEdges = new Map<string, { points: Point[]; label?: Box }>();
  for (const e of (result.edges ?? []) as ElkExtendedEdge[]) {
    const s = e.sections?.[0];
    const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
    const size = labelSizes.get(e.id);
    laidEdges.set(e.id, { points, label: size ? labelBox(points, size) : undefined });
  }
  return { width: result.width ?? 0, height: result.height ?? 0, nodes, edges: laidEdges };
}
