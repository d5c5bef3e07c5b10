// The language core's API: a mutable Workspace that files are pushed into, and immutable Snapshots
// that answer editor questions with plain data. No IO, no LSP, no VS Code.
import { ALL_ANALYZERS, SYNTAX_ANALYZER } from './analyzers/registry';
import { docsUrl } from './analyzers/docs-url';
import type { AnalyzerMeta } from './analyzers/framework';
import { type AnalyzerFilter, analyzeResource, type Finding } from './analyzers/run';
import { complete } from './features/completion';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { selectionRanges } from './features/selection';
import { documentSymbols } from './features/symbols';
import { buildFile, type FileModel, rebuildFile } from './model/file';
import { resourceLabel, type Resource } from './model/resource';
import type { LineIndex } from './text/line-index';
import {
  type CompletionItem,
  type CoreSettings,
  DEFAULT_SETTINGS,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position,
  type ResourceInfo,
  type SelectionRange,
  type Severity,
} from './types';
import type { ParsedDoc } from './yaml/parse';

export type { CoreSettings, Diagnostic, Severity } from './types';
export { ALL_ANALYZERS } from './analyzers/registry';
export { docsUrl, istioctlUrl } from './analyzers/docs-url';

function makeFilter(settings: CoreSettings): AnalyzerFilter {
  const disabled = new Set(settings.disabled);
  return {
    enabled: (meta: AnalyzerMeta) => {
      if (disabled.has(meta.code) || disabled.has(meta.name)) return false;
      if (meta.category === 'schema' && !settings.schemaValidation) return false;
      if (meta.category === 'admission' && !settings.admissionValidation) return false;
      return true;
    },
    severity: (meta: AnalyzerMeta) => settings.severity[meta.code] ?? settings.severity[meta.name] ?? meta.severity,
  };
}

/** The mutable host: owned by the language server or the CLI, which push file contents into it. */
export class Workspace {
  private files = new Map<string, FileModel>();
  private settings: CoreSettings = DEFAULT_SETTINGS;
  private filter: AnalyzerFilter = makeFilter(DEFAULT_SETTINGS);
  /** Findings per parsed document: documents are reused across edits, so unchanged ones are not re-analysed. */
  private findings = new WeakMap<ParsedDoc, Finding[]>();

  setFile(uri: string, text: string): void {
    this.files.set(uri, buildFile(uri, text, this.settings.defaultNamespace, this.files.get(uri)));
  }

  removeFile(uri: string): void {
    this.files.delete(uri);
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  configure(settings: CoreSettings): void {
    const namespaceChanged = settings.defaultNamespace !== this.settings.defaultNamespace;
    this.settings = settings;
    this.filter = makeFilter(settings);
    this.findings = new WeakMap();
    if (namespaceChanged) {
      for (const [uri, file] of this.files) this.files.set(uri, rebuildFile(file, settings.defaultNamespace));
    }
  }

  snapshot(): Snapshot {
    return new Snapshot(new Map(this.files), this.settings, this.filter, this.findings);
  }
}

/** An immutable view of the workspace; every editor question is answered from one. */
export class Snapshot {
  constructor(
    private readonly files: ReadonlyMap<string, FileModel>,
    readonly settings: CoreSettings,
    private readonly filter: AnalyzerFilter,
    private readonly cache: WeakMap<ParsedDoc, Finding[]>,
  ) {}

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** Resources of every file (or of one file), in file order. */
  resources(uri?: string): ResourceInfo[] {
    const files = uri ? [this.files.get(uri)].filter((f): f is FileModel => !!f) : [...this.files.values()];
    return files.flatMap((file) =>
      file.resources.map((r) => ({
        uri: r.uri,
        apiVersion: r.apiVersion,
        kind: r.kind,
        name: r.name,
        namespace: r.namespace,
        istio: !!r.istioKind,
        range: file.parsed.lines.range(r.base + r.parsed.start, r.base + r.parsed.end),
      })),
    );
  }

  /** True when the file contains Istio configuration (only such files get diagnostics). */
  isIstioFile(uri: string): boolean {
    return this.files.get(uri)?.istio ?? false;
  }

  /** Files whose diagnostics may change when these files change. Single-resource analysis: just them. */
  affectedBy(uris: readonly string[]): string[] {
    return [...new Set(uris)];
  }

  diagnostics(uri: string): Diagnostic[] {
    const file = this.files.get(uri);
    if (!file || !file.istio || file.parsed.binary) return [];
    const lines = file.parsed.lines;
    const out: Diagnostic[] = [];
    const syntaxEnabled = this.filter.enabled(SYNTAX_ANALYZER);
    for (const placed of file.parsed.chunks) {
      if (!syntaxEnabled) break;
      for (const problem of placed.chunk.problems) {
        out.push(this.toDiagnostic(SYNTAX_ANALYZER, lines, placed.base + problem.start, placed.base + problem.end, problem.message));
      }
    }
    for (const resource of file.resources) {
      // A document with syntax errors is reported as such; analysing the parser's guess at its data
      // would risk claims about fields the author has not finished writing.
      if (!resource.istioGroup || resource.parsed.doc.errors.length) continue;
      for (const finding of this.findingsOf(resource)) {
        out.push(this.toDiagnostic(finding.meta, lines, resource.base + finding.start, resource.base + finding.end, finding.message, resource, finding));
      }
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  }

  private findingsOf(resource: Resource): Finding[] {
    let findings = this.cache.get(resource.parsed);
    if (!findings) {
      findings = analyzeResource(resource, this.filter);
      this.cache.set(resource.parsed, findings);
    }
    return findings;
  }

  private toDiagnostic(meta: AnalyzerMeta, lines: LineIndex, start: number, end: number, message: string, resource?: Resource, finding?: Finding): Diagnostic {
    const severity: Severity = this.filter.severity(meta);
    const base = resource?.base ?? 0;
    return {
      range: lines.range(start, end),
      severity,
      code: meta.code,
      name: meta.name,
      istioCode: meta.istioctl,
      message,
      resource: resource ? resourceLabel(resource) : undefined,
      docsUrl: docsUrl(meta),
      tags: finding?.tags,
      fixes: finding?.fixes?.map((fix) => ({
        title: fix.title,
        preferred: fix.preferred,
        edits: fix.edits.map((e) => ({ range: lines.range(base + e.start, base + e.end), newText: e.newText })),
      })),
    };
  }

  completion(uri: string, position: Position): CompletionItem[] {
    const file = this.files.get(uri);
    return file ? complete(file, file.parsed.lines.offset(position)) : [];
  }

  hover(uri: string, position: Position): Hover | undefined {
    const file = this.files.get(uri);
    return file ? hover(file, file.parsed.lines.offset(position)) : undefined;
  }

  symbols(uri: string): DocumentSymbol[] {
    const file = this.files.get(uri);
    return file ? documentSymbols(file) : [];
  }

  foldingRanges(uri: string): FoldingRange[] {
    const file = this.files.get(uri);
    return file ? foldingRanges(file) : [];
  }

  selectionRanges(uri: string, positions: readonly Position[]): SelectionRange[] {
    const file = this.files.get(uri);
    return file ? selectionRanges(file, positions) : [];
  }

  /** Every analyzer's metadata (for docs, settings UIs and the CLI). */
  analyzers(): readonly AnalyzerMeta[] {
    return ALL_ANALYZERS;
  }
}
