// The top-to-bottom order of the nodes in each column, handed to the layout as fixed: a VirtualService's
// rules in first-match order with the fall-through last, and every other node next to the first node
// that points at it (so the mostly tree-shaped routing graphs draw without crossings). Pure.
import type { RoutingGraph } from '../../common/routing';

const PROTOCOL_ORDER: Record<string, number> = { http: 0, tls: 1, tcp: 2 };

/** For `rule:ns/name/http/3`: [0, 3]; for a fall-through: after every rule. */
function ruleKey(id: string): [number, number] {
  if (id.startsWith('fallthrough:')) return [9, 0];
  const m = /\/(http|tls|tcp)\/(\d+)$/.exec(id);
  return m ? [PROTOCOL_ORDER[m[1]], Number(m[2])] : [8, 0];
}

/** Rank (0 = top) of every node within its column. */
export function columnOrder(graph: RoutingGraph, column: ReadonlyMap<string, number>): Map<string, number> {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges) {
    if ((column.get(e.from) ?? 0) >= (column.get(e.to) ?? 0)) continue;
    outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e.to]);
    incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
  }
  const byColumn = new Map<number, string[]>();
  for (const n of graph.nodes) {
    const c = column.get(n.id) ?? 0;
    byColumn.set(c, [...(byColumn.get(c) ?? []), n.id]);
  }
  const rank = new Map<string, number>();
  for (const c of [...byColumn.keys()].sort((a, b) => a - b)) {
    const key = (id: string): number[] => {
      // The earliest (by rank) source in an earlier column, then this node's place among that source's targets.
      let best: number[] = [Infinity, 0, 0, 0];
      for (const from of incoming.get(id) ?? []) {
        const r = rank.get(from);
        if (r === undefined) continue;
        const [p, i] = ruleKey(id);
        const k = [r, p, i, outgoing.get(from)?.indexOf(id) ?? 0];
        if (compare(k, best) < 0) best = k;
      }
      return [...best, index.get(id) ?? 0];
    };
    const ids = (byColumn.get(c) ?? []).map((id) => ({ id, k: key(id) })).sort((a, b) => compare(a.k, b.k));
    ids.forEach(({ id }, i) => rank.set(id, i));
  }
  return rank;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i] ?? 0, b[i] ?? 0];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
