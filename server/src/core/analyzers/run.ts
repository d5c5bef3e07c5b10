// Runs the resource analyzers on one resource and collects findings in chunk offsets.
import { documentPath, type Resource } from '../model/resource';
import { validateAgainstSchema, type SchemaProblem } from '../schema/validate';
import type { Severity } from '../types';
import { rangeInDocument } from '../yaml/path';
import type { IndexView } from '../index/workspace-index';
import { keyOf } from '../index/workspace-index';
import type { AnalyzerMeta, FindingFix, Report, ResourceAnalyzer, ResourceContext, WorkspaceAnalyzer, WorkspaceOptions } from './framework';
import { RESOURCE_ANALYZERS, WORKSPACE_ANALYZERS } from './registry';

export interface Finding {
  readonly meta: AnalyzerMeta;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fixes?: readonly FindingFix[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  readonly severity?: Severity;
  /** Related places in chunk offsets of their own resources. */
  readonly related?: readonly { readonly resource: Resource; readonly start: number; readonly end: number; readonly message: string }[];
}

export interface AnalyzerFilter {
  enabled(meta: AnalyzerMeta): boolean;
  severity(meta: AnalyzerMeta): Severity;
}

function appliesTo(analyzer: ResourceAnalyzer, resource: Resource): boolean {
  const { inputs } = analyzer.meta;
  return inputs.includes('*') ? resource.istioGroup : !!resource.istioKind && inputs.includes(resource.kind);
}

function workspaceAppliesTo(analyzer: WorkspaceAnalyzer, resource: Resource): boolean {
  const { inputs } = analyzer.meta;
  return inputs.includes('*') ? !!resource.istioKind : inputs.includes(keyOf(resource));
}

/** Answers of `hasWorkspaceAnalyzerFor` for the registry's analyzers, by kind (asked for every object on every pass). */
const READERS_BY_KIND = new Map<string, boolean>();

/** Whether any cross-resource analyzer reports on this kind of object (Services, Namespaces, …). */
export function hasWorkspaceAnalyzerFor(resource: Resource, analyzers: readonly WorkspaceAnalyzer[] = WORKSPACE_ANALYZERS): boolean {
  if (analyzers !== WORKSPACE_ANALYZERS) return analyzers.some((a) => workspaceAppliesTo(a, resource));
  const key = `${keyOf(resource)}\u0000${resource.istioKind ? 'istio' : ''}`;
  let answer = READERS_BY_KIND.get(key);
  if (answer === undefined) READERS_BY_KIND.set(key, (answer = analyzers.some((a) => workspaceAppliesTo(a, resource))));
  return answer;
}

function reportToFinding(meta: AnalyzerMeta, resource: Resource, text: string, report: Report): Finding {
  const [start, end] = 'path' in report ? rangeInDocument(resource.parsed, text, documentPath(resource, report.path), report.target ?? 'value') : [report.start, report.end];
  const related = report.related?.map((r) => {
    const [s, e] = rangeInDocument(r.resource.parsed, r.resource.chunk.text, documentPath(r.resource, r.path), 'value');
    return { resource: r.resource, start: s, end: e, message: r.message };
  });
  return { meta, start, end, message: report.message, fixes: report.fixes, tags: report.tags, severity: report.severity, related };
}

/**
 * Runs the enabled cross-resource analyzers on one subject resource. `index` records the kinds read,
 * which is what the caller's cache keys on.
 */
export function analyzeInWorkspace(
  resource: Resource,
  index: IndexView,
  options: WorkspaceOptions,
  now: () => number,
  filter: AnalyzerFilter,
  analyzers: readonly WorkspaceAnalyzer[] = WORKSPACE_ANALYZERS,
): Finding[] {
  const findings: Finding[] = [];
  const text = resource.chunk.text;
  let schemaProblems: SchemaProblem[] | undefined;
  for (const analyzer of analyzers) {
    if (!filter.enabled(analyzer.meta) || !workspaceAppliesTo(analyzer, resource)) continue;
    analyzer.run({
      resource,
      text,
      index,
      options,
      now,
      schemaProblems: () => (schemaProblems ??= resource.istioKind ? validateAgainstSchema(resource.istioKind, resource.value) : []),
      // The yaml Document is read only where a range is needed (it may have to be parsed again).
      rangeOf: (path, target) => rangeInDocument(resource.parsed, text, documentPath(resource, path), target),
      report: (report: Report) => findings.push(reportToFinding(analyzer.meta, resource, text, report)),
    });
  }
  return findings;
}

/** Runs every enabled analyzer that reads this resource's kind. Analyzer bugs propagate to the caller. */
export function analyzeResource(resource: Resource, filter: AnalyzerFilter, analyzers: readonly ResourceAnalyzer[] = RESOURCE_ANALYZERS): Finding[] {
  const findings: Finding[] = [];
  const text = resource.chunk.text;
  let schemaProblems: SchemaProblem[] | undefined;
  for (const analyzer of analyzers) {
    if (!filter.enabled(analyzer.meta) || !appliesTo(analyzer, resource)) continue;
    const ctx: ResourceContext = {
      resource,
      text,
      schemaProblems: () => (schemaProblems ??= resource.istioKind ? validateAgainstSchema(resource.istioKind, resource.value) : []),
      rangeOf: (path, target) => rangeInDocument(resource.parsed, text, documentPath(resource, path), target),
      report: (report: Report) => findings.push(reportToFinding(analyzer.meta, resource, text, report)),
    };
    analyzer.run(ctx);
  }
  return findings;
}
