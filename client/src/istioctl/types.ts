// The vscode-free istioctl layer's data types: what the parsers return and what the editor side shows.
// Everything in client/src/istioctl/ is plain Node (no `vscode` import), so it is unit-tested in vitest
// against outputs exactly as the real istioctl prints them.

/** Where istioctl was found; `source` says which rule found it (the setting wins over PATH). */
export type Located = { readonly found: true; readonly path: string; readonly source: 'setting' | 'PATH' } | { readonly found: false; readonly reason: string; readonly configured?: string };

/** The kube target every cluster command takes; absent fields use istioctl's defaults (KUBECONFIG, current context). */
export interface KubeTarget {
  readonly kubeconfig?: string;
  readonly context?: string;
}

/** One finished istioctl run. Never thrown: failures are data, classified by classifyFailure. */
export interface RunResult {
  /** The executable and its arguments, exactly as spawned (no shell). */
  readonly command: readonly string[];
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  /** Set when the process could not be started at all (ENOENT, EACCES). */
  readonly spawnError?: { readonly code?: string; readonly message: string };
  /** The signal that ended the process, when it did not exit by itself (our SIGTERM/SIGKILL, or another). */
  readonly signal?: string;
  /** Set when stdout or stderr went over the cap and the rest was dropped. */
  readonly truncated?: boolean;
  readonly durationMs: number;
}

/** Why a run did not give a usable answer, with a message an operator can act on. */
/** 'untrusted': the editor side refused to run istioctl in an untrusted workspace (never produced by classifyFailure). */
export type FailureKind = 'missing' | 'not-executable' | 'timeout' | 'cancelled' | 'no-cluster' | 'no-kubeconfig' | 'unparsable' | 'exit' | 'untrusted';
export interface Failure {
  readonly kind: FailureKind;
  /** One or two sentences: what happened and what to do. */
  readonly message: string;
  /** The tool's own words (stderr, or stdout when stderr is empty), trimmed; for the output channel. */
  readonly detail?: string;
}

/** One message of `istioctl analyze -o json`, with its origin and reference taken apart. */
export interface AnalyzeMessage {
  readonly code: string;
  readonly level: 'Error' | 'Warning' | 'Info';
  readonly message: string;
  readonly documentationUrl?: string;
  /** As printed: `Kind ns/name` or `Kind name`; empty when istioctl printed none (a message about no resource). */
  readonly origin: string;
  readonly resource?: { readonly kind: string; readonly namespace?: string; readonly name: string };
  /** As printed `file:line` (1-based); absent for cluster objects. */
  readonly file?: string;
  readonly line?: number;
  /** The cluster istioctl names for multi-cluster analysis (`cluster`), when it prints one. */
  readonly cluster?: string;
}

/** A file (or one document of it) that istioctl could not parse, so it analyzed none of its objects. */
export interface AnalyzeFileError {
  readonly file: string;
  /** istioctl's 0-based index of the `---` chunk (see `istioctlDocumentToObject` in objects.ts). */
  readonly document?: number;
  readonly message: string;
}

/** `istioctl analyze -o json`: the messages, plus the lines it printed about files it skipped. */
export interface AnalyzeOutput {
  readonly messages: readonly AnalyzeMessage[];
  /** Lines such as "Skipping file x: not a valid Kubernetes resource", and errors about files it could not parse. */
  readonly notes: readonly string[];
  /** The files (documents) istioctl skipped because it could not parse them, from its error list and warn log lines. */
  readonly fileErrors: readonly AnalyzeFileError[];
}

/** The sync state of one xDS type for one proxy. */
export type SyncState = 'SYNCED' | 'STALE' | 'NOT SENT' | 'IGNORED' | 'ERROR' | 'UNKNOWN';
export interface XdsTypeStatus {
  /** CDS, LDS, EDS, RDS, ECDS, or the short name istioctl prints for another type. */
  readonly type: string;
  readonly state: SyncState;
  /** As istioctl words it, e.g. `SYNCED (5m2s)`; the state alone when it gives no age. */
  readonly text: string;
  /** When istiod last sent this type (RFC 3339, from `-o json` only). */
  readonly lastUpdated?: string;
}
export interface ProxyStatusRow {
  /** `pod-name.namespace` as istioctl prints it. */
  readonly name: string;
  readonly pod: string;
  readonly namespace: string;
  readonly cluster: string;
  readonly istiod: string;
  readonly version: string;
  /** CDS, LDS, EDS, RDS first (in that order), then the others. */
  readonly types: readonly XdsTypeStatus[];
}
export interface ProxyStatusSummary {
  readonly total: number;
  readonly stale: number;
  /** stale / total, 0 when there are no proxies. */
  readonly staleFraction: number;
  /** True when more than 5% of the proxies have at least one STALE type. */
  readonly warn: boolean;
  /** Proxies with at least one type NOT SENT, and with at least one type in ERROR. */
  readonly notSent: number;
  readonly errors: number;
}

/** `istioctl version -o json`. */
export interface VersionInfo {
  readonly client?: string;
  /** Control plane components (`istiod`, ...) with their versions; empty when the cluster did not answer. */
  readonly controlPlane: readonly { readonly component: string; readonly revision?: string; readonly version: string }[];
  /** Data plane proxies by version. */
  readonly dataPlane: readonly { readonly version: string; readonly count: number }[];
}
export interface VersionVerdict {
  readonly ok: boolean;
  /** e.g. "istioctl 1.31.1 and the control plane 1.29.0 differ: ..."; or why the check could not be made. */
  readonly message: string;
}

/** One resource `istioctl x describe pod` names, with the 0-based line of the output that names it. */
export interface DescribedResource {
  readonly kind: 'VirtualService' | 'DestinationRule' | 'Gateway' | 'PeerAuthentication' | 'AuthorizationPolicy' | 'RequestAuthentication' | 'Service' | 'Pod' | 'Sidecar' | 'EnvoyFilter' | 'Telemetry' | 'WasmPlugin';
  readonly name: string;
  /** Absent when istioctl printed the bare name (the pod's own namespace). */
  readonly namespace?: string;
  readonly line: number;
  /** Character range of the name on that line, for a link (the whole `name.ns` token where istioctl prints one). */
  readonly start: number;
  readonly end: number;
  /** Named in the ingress gateway section (after `Exposed on Ingress Gateway ...`), not in the pod's own. */
  readonly viaIngressGateway?: boolean;
}

/** One error of `istioctl validate -f`. */
export interface ValidateError {
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly message: string;
}
/** One warning of `istioctl validate` (`"file" has warnings:` followed by `* Kind/ns/name: message`). */
export interface ValidateWarning extends ValidateError {
  readonly file: string;
}
export interface ValidateOutput {
  readonly valid: boolean;
  readonly errors: readonly ValidateError[];
  /** The warnings as printed (`Kind/ns/name: message`); istioctl 1.31 prints them per file, see `warningDetails`. */
  readonly warnings: readonly string[];
  readonly warningDetails: readonly ValidateWarning[];
  /** Files istioctl reported as `"file" is valid`. */
  readonly validFiles: readonly string[];
}

/** A context of a kubeconfig, for the picker. */
export interface KubeContext {
  readonly name: string;
  readonly cluster?: string;
  readonly user?: string;
  readonly namespace?: string;
}
export interface KubeConfigSummary {
  readonly contexts: readonly KubeContext[];
  readonly currentContext?: string;
}

/** The sections of `istioctl proxy-config`, as the picker names them, with the subcommand each runs. */
export const PROXY_CONFIG_SECTIONS = ['clusters', 'listeners', 'routes', 'endpoints', 'secrets', 'bootstrap'] as const;
export type ProxyConfigSection = (typeof PROXY_CONFIG_SECTIONS)[number];

/** `Kind ns/name` location inside a YAML file: 0-based line of the object's `metadata.name` (or its first line) and the object's line span. */
export interface ObjectLocation {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly line: number;
  readonly firstLine: number;
  readonly lastLine: number;
}
