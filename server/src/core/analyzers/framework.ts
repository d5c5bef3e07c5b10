// What an analyzer is: metadata that tests keep truthful, and a `run` that reads through its context
// and reports through it. Analyzers never build editor objects and never catch-and-hide errors.
import type { Severity } from '../types';
import type { Resource } from '../model/resource';
import type { FieldPath, RangeTarget } from '../yaml/path';
import type { SchemaProblem } from '../schema/validate';
import type { IndexView } from '../index/workspace-index';

/**
 * `reference`: a reference to another object that does not resolve; `workspace`: other cross-resource
 * checks (conflicts, coverage); `kubernetes`: checks of Kubernetes objects (Services, Pods, Namespaces).
 */
export type AnalyzerCategory = 'syntax' | 'schema' | 'admission' | 'deprecation' | 'reference' | 'workspace' | 'kubernetes';

export interface AnalyzerMeta {
  /** `IY` + three digits; stable forever, never reused (see retired.ts). */
  readonly code: string;
  /** kebab-case, names the problem, equals the file name. */
  readonly name: string;
  readonly severity: Severity;
  readonly category: AnalyzerCategory;
  /** Kinds it reports on (index kind keys: `Service`, `Gateway.gateway.networking.k8s.io`); `*` for every Istio kind. */
  readonly inputs: readonly string[];
  /** One sentence for tables, hovers and `--list-analyzers`. */
  readonly summary: string;
  /** Markdown with `## Why`, `## Example` and, when fixable, `## Fix`. */
  readonly docs: string;
  readonly fix?: 'safe' | 'unsafe';
  /** The `istioctl analyze` message code this corresponds to. */
  readonly istioctl?: string;
}

/** An edit in chunk offsets: of the finding's resource, or of `target` (a fix that edits another file). */
export interface ChunkEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  readonly target?: Resource;
}

/** Another place that explains a finding (the conflicting resource, the referenced Gateway). */
export interface RelatedReport {
  readonly resource: Resource;
  readonly path: FieldPath;
  readonly message: string;
}

export interface FindingFix {
  readonly title: string;
  readonly edits: readonly ChunkEdit[];
  readonly preferred?: boolean;
}

/** Where a finding points: a field path (preferred) or raw chunk offsets. */
export type FindingTarget = { readonly path: FieldPath; readonly target?: RangeTarget } | { readonly start: number; readonly end: number };

export type Report = FindingTarget & {
  readonly message: string;
  readonly fixes?: readonly FindingFix[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  readonly related?: readonly RelatedReport[];
  /** Overrides the analyzer's severity (an unresolvable reference in an incomplete workspace is information). */
  readonly severity?: Severity;
};

/** What a resource analyzer sees: one Istio resource, read-only. */
export interface ResourceContext {
  readonly resource: Resource;
  /** The chunk's text (offsets in findings are relative to it). */
  readonly text: string;
  /** Schema problems of this resource, computed once and shared by the schema analyzers. */
  schemaProblems(): readonly SchemaProblem[];
  /** Source range (chunk offsets) of a path: used to build fix edits. */
  rangeOf(path: FieldPath, target?: RangeTarget): [number, number];
  report(report: Report): void;
}

export interface ResourceAnalyzer {
  readonly meta: AnalyzerMeta;
  run(ctx: ResourceContext): void;
}

export function defineAnalyzer(meta: AnalyzerMeta, run: (ctx: ResourceContext) => void): ResourceAnalyzer {
  return { meta, run };
}

/** What a cross-resource analyzer sees: its subject resource plus the whole workspace, read-only. */
export interface WorkspaceContext extends ResourceContext {
  /** The workspace index; reads are recorded so findings are recomputed only when what they read changes. */
  readonly index: IndexView;
  /** Core settings that shape cross-resource findings. */
  readonly options: WorkspaceOptions;
  /** Milliseconds since the epoch, from the host (the core never reads the clock). */
  now(): number;
}

export interface WorkspaceOptions {
  /** How to report a reference whose target kind is absent from the workspace. */
  readonly unresolvedInIncompleteWorkspace: 'information' | 'off';
}

export interface WorkspaceAnalyzer {
  readonly meta: AnalyzerMeta;
  readonly scope: 'workspace';
  run(ctx: WorkspaceContext): void;
}

export function defineWorkspaceAnalyzer(meta: AnalyzerMeta, run: (ctx: WorkspaceContext) => void): WorkspaceAnalyzer {
  return { meta, scope: 'workspace', run };
}
