// The filter box: keeps the nodes whose label, sublabel or id contains the query (case-insensitive),
// plus their direct neighbours, so the edges into and out of a match stay visible. Pure.
import type { RoutingGraph } from '../../common/routing';

export function filterGraph(graph: RoutingGraph, query: string): RoutingGraph {
  const q = query.trim().toLowerCase();
  if (!q) return graph;
  const hits = new Set(graph.nodes.filter((n) => [n.label, n.sublabel ?? '', n.id].some((s) => s.toLowerCase().includes(q))).map((n) => n.id));
  const keep = new Set(hits);
  for (const e of graph.edges) {
    if (hits.has(e.from)) keep.add(e.to);
    if (hits.has(e.to)) keep.add(e.from);
  }
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to) && (hits.has(e.from) || hits.has(e.to))),
  };
}
