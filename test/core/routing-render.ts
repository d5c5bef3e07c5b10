// A stable, readable text rendering of a routing graph for snapshot files: one line per node
// (`[kind] id "label" (state) sublabel · details`) and per edge (`from -> to kind label`).
import type { RoutingGraph } from '../../common/routing';

export function renderGraph(graph: RoutingGraph): string {
  const lines: string[] = [];
  for (const n of graph.nodes) {
    const state = n.state === 'ok' ? '' : ` (${n.state})`;
    const sub = n.sublabel ? ` — ${n.sublabel}` : '';
    const at = n.location ? ` @${n.location.uri.replace(/^.*\//, '')}:${n.location.range.start.line + 1}` : '';
    lines.push(`[${n.kind}] ${n.id} "${n.label}"${state}${sub}${at}`);
    for (const d of n.details) lines.push(`    ${d.label}: ${d.value}`);
    for (const p of n.problems ?? []) lines.push(`    ! ${p}`);
  }
  for (const e of graph.edges) {
    const state = e.state === 'ok' ? '' : ` (${e.state})`;
    const weight = e.weight !== undefined ? ` [${Math.round(e.weight * 100) / 100}]` : '';
    lines.push(`${e.from} -> ${e.to} ${e.kind}${e.label ? ` "${e.label}"` : ''}${weight}${state}`);
    for (const p of e.problems ?? []) lines.push(`    ! ${p}`);
  }
  if (graph.omitted) lines.push(`omitted: ${graph.omitted}`);
  return `${lines.join('\n')}\n`;
}
