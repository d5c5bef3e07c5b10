// What an analyzer is: metadata that tests keep truthful, and a `run` that reads through its context
// and reports through it. Analyzers never build editor objects and never catch-and-hide errors.
import type { Severity } from '../types';
import type { Resource } from '../model/resource';
import type { FieldPath, RangeTarget } from '../yaml/path';
import type { SchemaProblem } from '../schema/validate';

export type AnalyzerCategory = 'syntax' | 'schema' | 'admission' | 'deprecation';

export interface AnalyzerMeta {
  /** `IY` + three digits; stable forever, never reused (see retired.ts). */
  readonly code: string;
  /** kebab-case, names the problem, equals the file name. */
  readonly name: string;
  readonly severity: Severity;
  readonly category: AnalyzerCategory;
  /** Kinds it reads; `*` for every Istio kind. */
  readonly inputs: readonly string[];
  /** One sentence for tables, hovers and `--list-analyzers`. */
  readonly summary: string;
  /** Markdown with `## Why`, `## Example` and, when fixable, `## Fix`. */
  readonly docs: string;
  readonly fix?: 'safe' | 'unsafe';
  /** The `istioctl analyze` message code this corresponds to. */
  readonly istioctl?: string;
}

/** An edit in chunk offsets. */
export interface ChunkEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
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
