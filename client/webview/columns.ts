// The drawing's columns, left to right: gateway → VirtualService → rule → service/subset → workload.
// A delegated VirtualService (the target of a `delegate` edge) and its rules get columns of their own
// between its parent's rules and the services, so every edge points rightwards. Pure.
import type { RoutingGraph, RoutingNodeKind } from '../../common/routing';

const BASE: Record<RoutingNodeKind, number> = { gateway: 0, virtualService: 1, rule: 2, fallthrough: 2, service: 5, subset: 5, workload: 6 };

/** Column index per node id (0..6; 3 and 4 are used only by delegated VirtualServices and their rules). */
export function columns(graph: RoutingGraph): Map<string, number> {
  const delegated = new Set(graph.edges.filter((e) => e.kind === 'delegate').map((e) => e.to));
  const ruleOfDelegated = new Set(graph.edges.filter((e) => e.kind === 'rule' && delegated.has(e.from)).map((e) => e.to));
  const out = new Map<string, number>();
  for (const n of graph.nodes) {
    let c = BASE[n.kind];
    if (n.kind === 'virtualService' && delegated.has(n.id)) c = 3;
    else if ((n.kind === 'rule' || n.kind === 'fallthrough') && ruleOfDelegated.has(n.id)) c = 4;
    out.set(n.id, c);
  }
  return out;
}
