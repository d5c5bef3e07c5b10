// Runs the resource analyzers on one resource and collects findings in chunk offsets.
import type { Resource } from '../model/resource';
import { validateAgainstSchema, type SchemaProblem } from '../schema/validate';
import type { Severity } from '../types';
import { rangeAt } from '../yaml/path';
import type { AnalyzerMeta, FindingFix, Report, ResourceAnalyzer, ResourceContext } from './framework';
import { RESOURCE_ANALYZERS } from './registry';

export interface Finding {
  readonly meta: AnalyzerMeta;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fixes?: readonly FindingFix[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

export interface AnalyzerFilter {
  enabled(meta: AnalyzerMeta): boolean;
  severity(meta: AnalyzerMeta): Severity;
}

function appliesTo(analyzer: ResourceAnalyzer, resource: Resource): boolean {
  const { inputs } = analyzer.meta;
  return inputs.includes('*') ? resource.istioGroup : !!resource.istioKind && inputs.includes(resource.kind);
}

/** Runs every enabled analyzer that reads this resource's kind. Analyzer bugs propagate to the caller. */
export function analyzeResource(resource: Resource, filter: AnalyzerFilter, analyzers: readonly ResourceAnalyzer[] = RESOURCE_ANALYZERS): Finding[] {
  const findings: Finding[] = [];
  const { doc } = resource.parsed;
  const text = resource.chunk.text;
  let schemaProblems: SchemaProblem[] | undefined;
  for (const analyzer of analyzers) {
    if (!filter.enabled(analyzer.meta) || !appliesTo(analyzer, resource)) continue;
    const ctx: ResourceContext = {
      resource,
      text,
      schemaProblems: () => (schemaProblems ??= resource.istioKind ? validateAgainstSchema(resource.istioKind, resource.value) : []),
      rangeOf: (path, target) => rangeAt(doc, text, path, target),
      report: (report: Report) => {
        const [start, end] = 'path' in report ? rangeAt(doc, text, report.path, report.target ?? 'value') : [report.start, report.end];
        findings.push({ meta: analyzer.meta, start, end, message: report.message, fixes: report.fixes, tags: report.tags });
      },
    };
    analyzer.run(ctx);
  }
  return findings;
}
