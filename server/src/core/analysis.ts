// The language core's API: a mutable Workspace that files are pushed into, and immutable Snapshots
// that answer editor questions with plain data. No IO, no LSP, no VS Code.
import { ALL_ANALYZERS, SYNTAX_ANALYZER } from './analyzers/registry';
import { docsUrl } from './analyzers/docs-url';
import type { AnalyzerMeta } from './analyzers/framework';
import { type AnalyzerFilter, analyzeInWorkspace, analyzeResource, type Finding, hasWorkspaceAnalyzerFor } from './analyzers/run';
import type { KindKey } from './index/kind-key';
import { keyOf, WorkspaceIndex } from './index/workspace-index';
import { complete } from './features/completion';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { selectionRanges } from './features/selection';
import { documentSymbols } from './features/symbols';
import { codeLenses } from './features/code-lens';
import { routingGraph, simulateRequest } from './routing/api';
import type { RoutingGraph, RoutingScope, SimulatedRequest, SimulationResult } from '../../../common/routing';
import { definition } from './features/definition';
import { policyRefactorings } from './features/policy-refactors';
import { documentHighlights, references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { withSuppressFix } from './features/suppress-fix';
import { isIstioWebhookConfiguration } from './kubernetes/webhooks';
import { buildFile, type FileModel, rebuildFile } from './model/file';
import { resourceLabel, type Resource } from './model/resource';
import type { LineIndex } from './text/line-index';
import {
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CoreSettings,
  DEFAULT_SETTINGS,
  type Diagnostic,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type Position,
  type Range,
  type RenamePlace,
  type RenameRejection,
  type ResourceInfo,
  type SelectionRange,
  type Severity,
  type TextEdit,
  type WorkspaceEdit,
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

/** Cross-resource findings of one document and the kind generations they were computed against. */
interface WorkspaceFindings {
  readonly deps: readonly (readonly [KindKey, number])[];
  readonly findings: readonly Finding[];
}

/** Mutable state shared by a Workspace and its snapshots: caches keyed by parsed documents. */
interface Caches {
  /** Single-resource findings: documents are reused across edits, so unchanged ones are not re-analysed. */
  readonly resource: WeakMap<ParsedDoc, Finding[]>;
  /** Cross-resource findings, valid while the generations of the kinds they read are unchanged. */
  readonly workspace: WeakMap<ParsedDoc, WorkspaceFindings>;
}

function newCaches(): Caches {
  return { resource: new WeakMap(), workspace: new WeakMap() };
}

export interface WorkspaceOptions {
  /** The clock cross-resource analyzers may read (certificate expiry); the CLI and server pass Date.now. */
  readonly now?: () => number;
}

/** The mutable host: owned by the language server or the CLI, which push file contents into it. */
export class Workspace {
  private files = new Map<string, FileModel>();
  private settings: CoreSettings = DEFAULT_SETTINGS;
  private filter: AnalyzerFilter = makeFilter(DEFAULT_SETTINGS);
  private caches = newCaches();
  /** Bumped for a kind whenever an object of that kind is added, removed or changed. */
  private generations = new Map<KindKey, number>();
  /** Every kind a file has held: an edit to the file may affect readers of any of them. */
  private kindsOf = new Map<string, Set<KindKey>>();
  /** The index, shared by every snapshot taken until the next change (requests take a snapshot each). */
  private indexHolder: { index?: WorkspaceIndex } = {};
  private readonly now: () => number;

  constructor(options: WorkspaceOptions = {}) {
    this.now = options.now ?? (() => 0);
  }

  setFile(uri: string, text: string): void {
    const previous = this.files.get(uri);
    const next = buildFile(uri, text, this.settings.defaultNamespace, previous);
    this.files.set(uri, next);
    this.indexHolder = {};
    this.noteChanges(uri, previous?.resources ?? [], next.resources);
  }

  removeFile(uri: string): void {
    const previous = this.files.get(uri);
    this.files.delete(uri);
    this.indexHolder = {};
    if (previous) this.noteChanges(uri, previous.resources, []);
  }

  /** Bumps the generation of every kind whose objects differ between two versions of a file. */
  private noteChanges(uri: string, before: readonly Resource[], after: readonly Resource[]): void {
    const kinds = this.kindsOf.get(uri) ?? new Set<KindKey>();
    this.kindsOf.set(uri, kinds);
    const beforeDocs = new Set(before.map((r) => r.parsed));
    const afterDocs = new Set(after.map((r) => r.parsed));
    const changed = new Set<KindKey>();
    for (const r of before) if (!afterDocs.has(r.parsed)) changed.add(keyOf(r));
    for (const r of after) {
      kinds.add(keyOf(r));
      if (!beforeDocs.has(r.parsed)) changed.add(keyOf(r));
    }
    for (const kind of changed) this.generations.set(kind, (this.generations.get(kind) ?? 0) + 1);
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  configure(settings: CoreSettings): void {
    const namespaceChanged = settings.defaultNamespace !== this.settings.defaultNamespace;
    this.settings = settings;
    this.filter = makeFilter(settings);
    this.caches = newCaches();
    this.indexHolder = {};
    if (namespaceChanged) {
      for (const [uri, file] of this.files) this.files.set(uri, rebuildFile(file, settings.defaultNamespace));
    }
  }

  snapshot(): Snapshot {
    return new Snapshot({
      files: new Map(this.files),
      settings: this.settings,
      filter: this.filter,
      caches: this.caches,
      generations: new Map(this.generations),
      kindsOf: this.kindsOf,
      indexHolder: this.indexHolder,
      now: this.now,
    });
  }
}

interface SnapshotState {
  readonly files: ReadonlyMap<string, FileModel>;
  readonly settings: CoreSettings;
  readonly filter: AnalyzerFilter;
  readonly caches: Caches;
  readonly generations: ReadonlyMap<KindKey, number>;
  readonly kindsOf: ReadonlyMap<string, ReadonlySet<KindKey>>;
  readonly indexHolder: { index?: WorkspaceIndex };
  readonly now: () => number;
}

const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

/** Codes listed in a resource's `galley.istio.io/analyze-suppress` annotation (`*` for all). */
function suppressedCodes(resource: Resource): ReadonlySet<string> | undefined {
  const metadata = resource.value.metadata;
  const annotations = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>).annotations : undefined;
  const value = annotations && typeof annotations === 'object' ? (annotations as Record<string, unknown>)[SUPPRESS_ANNOTATION] : undefined;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  return new Set(value.split(',').map((c) => c.trim()).filter(Boolean));
}

/** An immutable view of the workspace; every editor question is answered from one. */
export class Snapshot {
  private readonly files: ReadonlyMap<string, FileModel>;
  readonly settings: CoreSettings;
  private readonly filter: AnalyzerFilter;

  constructor(private readonly state: SnapshotState) {
    this.files = state.files;
    this.settings = state.settings;
    this.filter = state.filter;
  }

  /** Every object of every file, by kind, namespace and name (built on first use). */
  index(): WorkspaceIndex {
    return (this.state.indexHolder.index ??= new WorkspaceIndex([...this.files.values()].flatMap((f) => f.resources)));
  }

  /** The file model of a uri (features read it). */
  file(uri: string): FileModel | undefined {
    return this.files.get(uri);
  }

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

  /** True when the workspace holds any Istio configuration. */
  private istioPresent: boolean | undefined;

  /**
   * Istio resources, or Istio's own webhook configurations (an installation's manifests are Istio
   * configuration too). Asked once per Kubernetes file on every publish pass, so computed once per snapshot.
   */
  private hasIstio(): boolean {
    return (this.istioPresent ??= [...this.files.values()].some((f) => f.istio || f.resources.some(isIstioWebhookConfiguration)));
  }

  /**
   * Whether a file gets diagnostics: files with Istio configuration, and Kubernetes manifests that a
   * cross-resource analyzer checks (Services, Namespaces, …) when the workspace holds Istio configuration.
   * Other YAML (CI workflows, compose files) never does.
   */
  private diagnosable(file: FileModel): boolean {
    if (file.parsed.binary) return false;
    if (file.istio) return true;
    return file.resources.some((r) => hasWorkspaceAnalyzerFor(r)) && this.hasIstio();
  }

  /**
   * Files whose diagnostics may change when these files change: the files themselves, and every file
   * with an object whose cross-resource findings read a kind the changed files hold or held.
   */
  affectedBy(uris: readonly string[]): string[] {
    const out = new Set(uris);
    const kinds = new Set<KindKey>();
    for (const uri of uris) for (const k of this.state.kindsOf.get(uri) ?? []) kinds.add(k);
    if (!kinds.size) return [...out];
    for (const [uri, file] of this.files) {
      if (out.has(uri) || !this.diagnosable(file)) continue;
      const depends = file.resources.some((r) => {
        const cached = this.state.caches.workspace.get(r.parsed);
        return !cached || cached.deps.some(([k]) => kinds.has(k));
      });
      if (depends) out.add(uri);
    }
    return [...out];
  }

  diagnostics(uri: string): Diagnostic[] {
    const file = this.files.get(uri);
    if (!file || !this.diagnosable(file)) return [];
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
      if (resource.parsed.doc.errors.length) continue;
      const suppressed = suppressedCodes(resource);
      const findings = [...(resource.istioGroup ? this.findingsOf(resource) : []), ...this.workspaceFindingsOf(resource)];
      for (const finding of findings) {
        const { meta } = finding;
        if (suppressed && (suppressed.has('*') || suppressed.has(meta.code) || (meta.istioctl && suppressed.has(meta.istioctl)))) continue;
        out.push(this.toDiagnostic(meta, lines, resource.base + finding.start, resource.base + finding.end, finding.message, resource, finding));
      }
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  }

  private findingsOf(resource: Resource): Finding[] {
    let findings = this.state.caches.resource.get(resource.parsed);
    if (!findings) {
      findings = analyzeResource(resource, this.filter);
      this.state.caches.resource.set(resource.parsed, findings);
    }
    return findings;
  }

  /** Cross-resource findings, recomputed only when a kind they read has changed since. */
  private workspaceFindingsOf(resource: Resource): readonly Finding[] {
    if (!resource.istioKind && !hasWorkspaceAnalyzerFor(resource)) return [];
    const cached = this.state.caches.workspace.get(resource.parsed);
    if (cached && cached.deps.every(([k, g]) => (this.state.generations.get(k) ?? 0) === g)) return cached.findings;
    const deps = new Set<KindKey>();
    const findings = analyzeInWorkspace(resource, this.index().view(deps), { unresolvedInIncompleteWorkspace: this.settings.unresolvedInIncompleteWorkspace }, this.state.now, this.filter);
    this.state.caches.workspace.set(resource.parsed, { deps: [...deps].map((k) => [k, this.state.generations.get(k) ?? 0] as const), findings });
    return findings;
  }

  /** Where a resource found during analysis is now: its file's line index and the resource's base. */
  private placeOf(resource: Resource): { uri: string; lines: LineIndex; base: number } | undefined {
    const file = this.files.get(resource.uri);
    const current = file?.resources.find((r) => r.parsed === resource.parsed);
    return file && current ? { uri: file.uri, lines: file.parsed.lines, base: current.base } : undefined;
  }

  private toDiagnostic(meta: AnalyzerMeta, lines: LineIndex, start: number, end: number, message: string, resource?: Resource, finding?: Finding): Diagnostic {
    const severity: Severity = finding?.severity ?? this.filter.severity(meta);
    const base = resource?.base ?? 0;
    const related = finding?.related?.flatMap((r) => {
      const place = this.placeOf(r.resource);
      return place ? [{ uri: place.uri, range: place.lines.range(place.base + r.start, place.base + r.end), message: r.message }] : [];
    });
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
      related: related?.length ? related : undefined,
      fixes: withSuppressFix(finding?.fixes, meta, resource)?.flatMap((fix) => {
        const edits = fix.edits.map((e) => {
          if (!e.target || (resource && e.target.parsed === resource.parsed && e.target.uri === resource.uri)) return { range: lines.range(base + e.start, base + e.end), newText: e.newText };
          const place = this.placeOf(e.target);
          return place ? { uri: place.uri, range: place.lines.range(place.base + e.start, place.base + e.end), newText: e.newText } : undefined;
        });
        // A fix whose other file has gone is dropped rather than half-applied.
        return edits.every((e) => e) ? [{ title: fix.title, preferred: fix.preferred, edits: edits as TextEdit[] }] : [];
      }),
    };
  }

  completion(uri: string, position: Position): CompletionItem[] {
    const file = this.files.get(uri);
    // The index is built only if the cursor is at a reference (completion and hover ask lazily).
    return file ? complete(file, file.parsed.lines.offset(position), () => this.index().view()) : [];
  }

  hover(uri: string, position: Position): Hover | undefined {
    const file = this.files.get(uri);
    return file ? hover(file, file.parsed.lines.offset(position), () => this.index().view()) : undefined;
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

  /** Where the reference under the cursor points (navigation reads the reference table). */
  definition(uri: string, position: Position): Location[] {
    return definition(this, uri, position);
  }

  references(uri: string, position: Position, includeDeclaration: boolean): Location[] {
    return references(this, uri, position, includeDeclaration);
  }

  documentHighlights(uri: string, position: Position): DocumentHighlight[] {
    return documentHighlights(this, uri, position);
  }

  prepareRename(uri: string, position: Position): RenamePlace | RenameRejection | undefined {
    return prepareRename(this, uri, position);
  }

  rename(uri: string, position: Position, newName: string): WorkspaceEdit | RenameRejection | undefined {
    return rename(this, uri, position, newName);
  }

  codeLenses(uri: string): CodeLens[] {
    return codeLenses(this, uri);
  }

  /** The routing preview's graph of a scope (any input: a malformed scope draws nothing). */
  routingGraph(scope: RoutingScope): RoutingGraph {
    return routingGraph(this, scope);
  }

  /** Where a request goes, under Istio's first-match semantics (a malformed request says what is wrong). */
  simulate(request: SimulatedRequest): SimulationResult {
    return simulateRequest(this, request);
  }

  /** Refactorings for a range (quick fixes come with `diagnostics`). */
  codeActions(uri: string, range: Range): CodeAction[] {
    return policyRefactorings(this, uri, range);
  }

  /** Every analyzer's metadata (for docs, settings UIs and the CLI). */
  analyzers(): readonly AnalyzerMeta[] {
    return ALL_ANALYZERS;
  }
}
