// The routing preview's data: a graph the server computes from the workspace model (the same
// reference table as the analyzers) and the webview only draws, and the request simulator.
// Types and method names only; plain JSON both ways. Positions are 0-based lines, UTF-16 columns.

export interface RoutingPosition {
  readonly line: number;
  readonly character: number;
}

export interface RoutingLocation {
  readonly uri: string;
  readonly range: { readonly start: RoutingPosition; readonly end: RoutingPosition };
}

/** Which part of the workspace to draw. */
export type RoutingScope =
  /** The resource under the cursor (and what it routes to, and what routes to it). */
  | { readonly kind: 'resource'; readonly uri: string; readonly position: RoutingPosition }
  /** Every resource of one file, with what they route to. */
  | { readonly kind: 'file'; readonly uri: string }
  /** Everything that routes requests for one host ("what happens to requests to reviews?"); short names expand in `namespace` (default: the default namespace). */
  | { readonly kind: 'host'; readonly host: string; readonly namespace?: string }
  | { readonly kind: 'workspace' };

/**
 * Columns of the drawing, left to right: gateway → virtualService → rule → service/subset → workload.
 * `mesh` (the sidecars) is a gateway node with id `gateway:mesh`; `fallthrough` is the implicit
 * "no rule matches → 404" after the last http rule of a VirtualService.
 */
export type RoutingNodeKind = 'gateway' | 'virtualService' | 'rule' | 'fallthrough' | 'service' | 'subset' | 'workload';

/** ok; broken (a reference that does not resolve, drawn red with `problems`); unreachable (greyed: a rule after a catch-all). */
export type RoutingState = 'ok' | 'broken' | 'unreachable';

export interface RoutingDetail {
  readonly label: string;
  readonly value: string;
}

export interface RoutingNode {
  /**
   * Stable across scopes and edits of other resources, so the webview can keep selection and the
   * simulator can name nodes: `gateway:ns/name`, `gateway:mesh`, `vs:ns/name`, `rule:ns/name/http/0`
   * (protocol http|tls|tcp, index in that list), `fallthrough:ns/name`, `service:fqdn`,
   * `subset:fqdn/name`, `workload:Kind/ns/name`.
   */
  readonly id: string;
  readonly kind: RoutingNodeKind;
  /** One line: `reviews-route`, `http[1] reviews-v2`, `reviews.bookinfo.svc.cluster.local`, `v2`. */
  readonly label: string;
  /** A second short line: namespace, protocol, match summary (`uri prefix /api · header end-user=jason`). */
  readonly sublabel?: string;
  /** Everything shown on hover, in order: selector, ports and hosts of a gateway; matches and actions of a rule; labels and traffic policy of a subset. */
  readonly details: readonly RoutingDetail[];
  /** Where clicking the node goes: the resource, rule or subset in the YAML. Absent for `mesh`, unknown hosts. */
  readonly location?: RoutingLocation;
  readonly state: RoutingState;
  /** Diagnostics' messages when broken (or why unreachable). */
  readonly problems?: readonly string[];
}

/**
 * binds: gateway → virtualService; rule: virtualService → rule (in order) and → fallthrough;
 * route: rule → service or subset (with weight); mirror: rule → service or subset (with percentage);
 * delegate: rule → virtualService; selects: service/subset → workload.
 */
export type RoutingEdgeKind = 'binds' | 'rule' | 'route' | 'mirror' | 'delegate' | 'selects';

export interface RoutingEdge {
  /** `from->to#kind` (unique). */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: RoutingEdgeKind;
  /** `90%`, `mirror 10%`, `port 9080`, `1st`. */
  readonly label?: string;
  /** Percent of the rule's traffic (route) or mirrored (mirror). */
  readonly weight?: number;
  readonly state: RoutingState;
  readonly problems?: readonly string[];
}

export interface RoutingGraph {
  readonly scope: RoutingScope;
  readonly nodes: readonly RoutingNode[];
  readonly edges: readonly RoutingEdge[];
  /** Set when the scope held more than the drawing limit and was cut (the count of nodes left out). */
  readonly omitted?: number;
}

/** A request for the simulator. Defaults: method GET, path `/`, no headers, the host's first port, `gateway: 'mesh'`. */
export interface SimulatedRequest {
  readonly host: string;
  readonly path?: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly port?: number;
  /** Labels of the calling workload (`sourceLabels` matches); only for requests from the mesh. */
  readonly sourceLabels?: Readonly<Record<string, string>>;
  /** Namespace of the caller: short hosts expand in it, and `sourceNamespace` matches it. Default: the default namespace. */
  readonly sourceNamespace?: string;
  /** `mesh` (from a sidecar) or a Gateway as `ns/name`. */
  readonly gateway?: string;
}

export type SimulationOutcome = 'routed' | 'redirect' | 'directResponse' | 'notFound' | 'noVirtualService';

export interface SimulationResult {
  readonly outcome: SimulationOutcome;
  /** One sentence for the user: "GET /api on reviews from mesh: http[1] of VirtualService bookinfo/reviews matches (header end-user=jason); 100% to reviews v2". */
  readonly summary: string;
  /** The reasoning, rule by rule: why each earlier rule did not match. */
  readonly steps: readonly string[];
  readonly virtualService?: string;
  readonly rule?: string;
  readonly destinations: readonly { readonly node: string; readonly weight: number; readonly port?: number }[];
  readonly mirrors: readonly { readonly node: string; readonly percentage: number }[];
  /** Node and edge ids along the request's path, for highlighting. */
  readonly highlight: { readonly nodes: readonly string[]; readonly edges: readonly string[] };
  /** Set when the request could not be simulated (no host, a bad port); `summary` says the same. */
  readonly error?: string;
}

/** Client → server: the graph of a scope, from the current (unsaved) texts. */
export namespace RoutingGraphRequest {
  export const method = 'istioYaml/routingGraph';
  export interface Params {
    readonly scope: RoutingScope;
  }
  export type Result = RoutingGraph;
}

/** Client → server: where a request goes, under Istio's first-match semantics. */
export namespace SimulateRequest {
  export const method = 'istioYaml/simulate';
  export interface Params {
    readonly request: SimulatedRequest;
  }
  export type Result = SimulationResult;
}
