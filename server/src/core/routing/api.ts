// The routing preview's entry points for the façade: the graph of a scope and the simulator, both
// taking untrusted input (a malformed scope draws nothing; a malformed request says what is wrong).
import type { RoutingGraph, SimulationResult } from '../../../../common/routing';
import { drawSelection } from './graph';
import type { RoutingHost } from './host';
import { parseScope, selectScope } from './scope';
import { simulate } from './simulate';

export function routingGraph(host: RoutingHost, input: unknown): RoutingGraph {
  const scope = parseScope(input);
  if (!scope) return { scope: { kind: 'workspace' }, nodes: [], edges: [] };
  const view = host.index().view();
  return drawSelection(host, view, selectScope(host, view, scope)).graph(scope);
}

export function simulateRequest(host: RoutingHost, input: unknown): SimulationResult {
  return simulate(host, input);
}
