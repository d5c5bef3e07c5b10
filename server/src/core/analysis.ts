// The language core's API: a mutable Workspace that files are pushed into, and immutable Snapshots
// that answer editor questions with plain data. No IO, no LSP, no VS Code.
import { ALL_ANALYZERS, SYNTAX_ANALYZER } from './analyzers/registry';
import { docsUrl } from './analyzers/docs-url';
import type { AnalyzerMeta } from './analyzers/framework';
import { type AnalyzerFilter, analyzeInWorkspace, analyzeResource, type Finding, hasWorkspaceAnalyzerFor } from './analyzers/run';
import { ChangeTracker, ISTIO_PRESENCE } from './change-tracker';
import { FindingsCache } from './findings-cache';
import { type DependencyKey, kindOfDependency } from './index/dependency-keys';
import { WorkspaceIndex } from './index/workspace-index';
import { complete, completeList } from './features/completion';
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
import { baseOfResourceAt, type FileModel, resourceBase, updateFile } from './model/file';
import { resourceLabel, type Resource } from './model/resource';
import { changedRegion, type TextChange } from './text/changes';
import { DocumentStore } from './yaml/parse';
import type { LineIndex } from './text/line-index';
import {
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
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

export type { CoreSettings, Diagnostic, Severity } from './types';
export type { TextChange } from './text/changes';
// The line index the core keeps for each file; the server's open documents keep theirs the same way.
export { LineIndex } from './text/line-index';
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

export interface WorkspaceOptions {
  /** The clock cross-resource analyzers may read (certificate expiry); the CLI and server pass Date.now. */
  readonly now?: () => number;
  /**
   * How many characters of YAML keep their parsed yaml Documents (the most recently used ones); the
   * others are parsed again when a feature needs their nodes. Documents are most of the memory.
   */
  readonly retainedYamlChars?: number;
}

/**
 * About 0.5 MB of yaml Documents (some 40 documents of a usual size) for files that are not open:
 * what a diagnostics pass reads again (the documents of findings with ranges) is recent. Keeping more
 * costs memory and time: Documents that live a while are promoted out of V8's young generation and
 * must then be collected by full collections (loading 11,000 resources was faster with none kept).
 */
const DEFAULT_RETAINED_YAML_CHARS = 20_000;

/**
 * An open file larger than this (about 50 MB of yaml Documents) is not pinned: its documents are
 * parsed again when read, and the outline, folding and lenses keep what they computed per document.
 */
const MAX_PINNED_CHARS = 2_000_000;

/** The index built most recently, and the files it was built from: the next index is made from it. */
interface LatestIndex {
  readonly seq: number;
  readonly files: ReadonlyMap<string, FileModel>;
  readonly index: WorkspaceIndex;
}

/** The mutable host: owned by the language server or the CLI, which push file contents into it. */
export class Workspace {
  private files = new Map<string, FileModel>();
  private settings: CoreSettings = DEFAULT_SETTINGS;
  private filter: AnalyzerFilter = makeFilter(DEFAULT_SETTINGS);
  private caches = new FindingsCache();
  private readonly changes = new ChangeTracker();
  /** The index, shared by every snapshot taken until the next change (requests take a snapshot each). */
  private indexHolder: { index?: WorkspaceIndex } = {};
  private latestIndex: LatestIndex | undefined;
  private readonly now: () => number;
  private readonly documents: DocumentStore;
  /** Files open in the editor (see setOpen). */
  private readonly open = new Set<string>();
  /** The snapshot of the current state, handed to every request until something changes (see snapshot). */
  private current: Snapshot | undefined;

  constructor(options: WorkspaceOptions = {}) {
    this.now = options.now ?? (() => 0);
    this.documents = new DocumentStore(options.retainedYamlChars ?? DEFAULT_RETAINED_YAML_CHARS);
  }

  /**
   * Sets a file's text. `changes`, the edits that turned the previous text into this one (as an editor
   * reports them), let a large file be re-split and re-indexed only around them; without them, or when
   * they do not fit the previous text, the file is compared with its previous version as a whole.
   */
  setFile(uri: string, text: string, changes?: readonly TextChange[]): void {
    const previous = this.files.get(uri);
    const region = previous && changes ? changedRegion(previous.parsed.text.length, changes) : undefined;
    const { file, removed, added } = updateFile(uri, text, this.settings.defaultNamespace, previous, { changed: region, store: this.documents });
    this.files.set(uri, file);
    this.current = undefined;
    if (this.open.has(uri)) this.pin(file, true);
    this.noteChanges(uri, removed, added, holdsIstio(file));
  }

  /**
   * Tells the workspace whether a file is open in the editor. The yaml Documents of an open file (up
   * to MAX_PINNED_CHARS) are kept: its outline, folding ranges and lenses read all of them, and
   * re-parsing a file on every such request would cost more than keeping it.
   */
  setOpen(uri: string, open: boolean): void {
    if (open) this.open.add(uri);
    else this.open.delete(uri);
    const file = this.files.get(uri);
    if (file) this.pin(file, open);
  }

  private pin(file: FileModel, open: boolean): void {
    const pinned = open && file.parsed.text.length <= MAX_PINNED_CHARS;
    for (const { chunk } of file.parsed.chunks) this.documents.pin(chunk, pinned);
  }

  removeFile(uri: string): void {
    const previous = this.files.get(uri);
    if (!previous) return;
    this.files.delete(uri);
    this.current = undefined;
    this.indexHolder = {};
    this.noteChanges(uri, previous.resources, [], false);
  }

  /** Records what left or joined the workspace; the caches forget what left. */
  private noteChanges(uri: string, removed: readonly Resource[], added: readonly Resource[], istio: boolean): void {
    if (!this.changes.record(uri, removed, added, istio)) return;
    this.indexHolder = {};
    for (const r of removed) this.caches.forget(r);
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  configure(settings: CoreSettings): void {
    const namespaceChanged = settings.defaultNamespace !== this.settings.defaultNamespace;
    this.settings = settings;
    this.current = undefined;
    this.filter = makeFilter(settings);
    this.caches = new FindingsCache();
    this.indexHolder = {};
    if (namespaceChanged) {
      for (const [uri, previous] of this.files) {
        const { file, removed, added } = updateFile(uri, previous.parsed.text, settings.defaultNamespace, previous, { store: this.documents });
        this.files.set(uri, file);
        this.noteChanges(uri, removed, added, holdsIstio(file));
      }
    }
  }

  /** The index of a snapshot's files, made from the most recent index (see WorkspaceIndex.withFiles). */
  private indexFor(files: ReadonlyMap<string, FileModel>, seq: number): WorkspaceIndex {
    const latest = this.latestIndex;
    let index: WorkspaceIndex;
    if (!latest) {
      index = new WorkspaceIndex([...files.values()].flatMap((f) => f.resources));
    } else {
      const changes = new Map<string, readonly Resource[] | undefined>();
      for (const [uri, file] of files) if (latest.files.get(uri) !== file) changes.set(uri, file.resources);
      for (const uri of latest.files.keys()) if (!files.has(uri)) changes.set(uri, undefined);
      let positions: Map<string, number> | undefined;
      const position = (uri: string) => (positions ??= new Map([...files.keys()].map((u, i) => [u, i]))).get(uri) ?? Infinity;
      index = changes.size ? latest.index.withFiles(changes, position) : latest.index;
    }
    if (!latest || latest.seq <= seq) this.latestIndex = { seq, files, index };
    return index;
  }

  /**
   * The workspace as it is now. Requests between two changes share one snapshot: copying the file
   * map for each hover would cost more than answering it in a workspace of thousands of files.
   */
  snapshot(): Snapshot {
    return (this.current ??= this.takeSnapshot());
  }

  private takeSnapshot(): Snapshot {
    const files = new Map(this.files);
    const seq = this.changes.seq;
    return new Snapshot({
      files,
      settings: this.settings,
      filter: this.filter,
      caches: this.caches,
      seq,
      changes: this.changes,
      indexHolder: this.indexHolder,
      buildIndex: () => this.indexFor(files, seq),
      now: this.now,
    });
  }
}

interface SnapshotState {
  readonly files: ReadonlyMap<string, FileModel>;
  readonly settings: CoreSettings;
  readonly filter: AnalyzerFilter;
  readonly caches: FindingsCache;
  /** The workspace version this snapshot shows. */
  readonly seq: number;
  /** The workspace's, which goes on recording after this snapshot was taken (see `workspaceFindingsOf`). */
  readonly changes: ChangeTracker;
  readonly indexHolder: { index?: WorkspaceIndex };
  readonly buildIndex: () => WorkspaceIndex;
  readonly now: () => number;
}

const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

const NO_FINDINGS: readonly Finding[] = [];

/** Istio resources, or Istio's own webhook configurations (an installation's manifests are Istio configuration too). */
function holdsIstio(file: FileModel): boolean {
  return file.istio || file.resources.some(isIstioWebhookConfiguration);
}

/** Whether cross-resource analyzers report on the resource (only those have cached workspace findings). */
function readsWorkspace(resource: Resource): boolean {
  return !!resource.istioKind || hasWorkspaceAnalyzerFor(resource);
}

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

  /** The version of the workspace this snapshot shows (increases with every change of an object); see `affectedBy`. */
  get version(): number {
    return this.state.seq;
  }

  /** Every object of every file, by kind, namespace and name (built on first use). */
  index(): WorkspaceIndex {
    return (this.state.indexHolder.index ??= this.state.buildIndex());
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
      file.resources.map((r, i) => {
        const base = baseOfResourceAt(file, i) ?? 0;
        return { uri: r.uri, apiVersion: r.apiVersion, kind: r.kind, name: r.name, namespace: r.namespace, istio: !!r.istioKind, range: file.parsed.lines.range(base + r.parsed.start, base + r.parsed.end) };
      }),
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
    return (this.istioPresent ??= [...this.files.values()].some(holdsIstio));
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
   * Files whose diagnostics may change because of the changes made after workspace version `since`
   * (by default, the last change of each of `uris`): the files themselves, and every file with an object
   * whose cross-resource findings read something those changes touched (see dependency-keys.ts).
   * Renaming a subset of one DestinationRule republishes the files routing to that host, not every
   * VirtualService file.
   */
  affectedBy(uris: readonly string[], since?: number): string[] {
    const out = new Set(uris);
    const from = since ?? Math.min(...uris.map((u) => this.state.changes.fileChangedSince(u)));
    const changed = this.state.changes.changedSince(from);
    if (!changed.size) return [...out];
    // Istio configuration appearing or going changes which Kubernetes files get diagnostics at all.
    if (changed.has(ISTIO_PRESENCE)) {
      for (const [uri, file] of this.files) if (this.diagnosable(file) && file.resources.some(readsWorkspace)) out.add(uri);
      return [...out];
    }
    for (const reader of this.state.caches.readersOf(changed)) {
      if (out.has(reader.uri)) continue;
      const file = this.files.get(reader.uri);
      // A reader that has left the workspace was cached by an older snapshot still analysing it.
      if (!this.state.changes.isLive(reader)) this.state.caches.forget(reader);
      else if (file && this.diagnosable(file)) out.add(reader.uri);
    }
    return [...out];
  }

  diagnostics(uri: string): Diagnostic[] {
    const file = this.files.get(uri);
    if (!file || !this.diagnosable(file)) return [];
    const lines = file.parsed.lines;
    const out: Diagnostic[] = [];
    const syntaxEnabled = this.filter.enabled(SYNTAX_ANALYZER);
    const { chunks } = file.parsed;
    // Chunk by chunk: a file of thousands of clean documents costs a cache check per resource.
    for (let i = 0; i < chunks.length; i++) {
      const { base, chunk } = chunks[i];
      if (syntaxEnabled) for (const problem of chunk.problems) out.push(this.toDiagnostic(SYNTAX_ANALYZER, lines, base, problem.start, problem.end, problem.message));
      for (let r = file.firstResource[i]; r < file.firstResource[i + 1]; r++) {
        const resource = file.resources[r];
        // A document with syntax errors is reported as such; analysing the parser's guess at its data
        // would risk claims about fields the author has not finished writing.
        if (resource.parsed.errorCount) continue;
        const own = resource.istioGroup ? this.findingsOf(resource) : NO_FINDINGS;
        const cross = this.workspaceFindingsOf(resource);
        if (!own.length && !cross.length) continue;
        const suppressed = suppressedCodes(resource);
        for (const finding of [...own, ...cross]) {
          const { meta } = finding;
          if (suppressed && (suppressed.has('*') || suppressed.has(meta.code) || (meta.istioctl && suppressed.has(meta.istioctl)))) continue;
          out.push(this.toDiagnostic(meta, lines, base, finding.start, finding.end, finding.message, resource, finding));
        }
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

  /**
   * Cross-resource findings, recomputed only when something they read has changed since. The
   * workspace only raises `lastChange`, so findings computed at version `seq` are still right for this
   * snapshot when no key they read changed after `seq` (a change after this snapshot was taken makes
   * an older snapshot recompute, never use stale findings); findings of a newer snapshot are not used.
   */
  private workspaceFindingsOf(resource: Resource): readonly Finding[] {
    if (!readsWorkspace(resource)) return [];
    const { caches, changes, seq } = this.state;
    const cached = caches.workspaceFindings(resource);
    const unchanged = (k: DependencyKey) => changes.changedAt(k) <= cached!.seq;
    // Every change touches its kind's key: when no kind read has changed, no narrower key has either.
    if (cached && cached.seq <= seq && (cached.kinds.every(unchanged) || cached.deps.every(unchanged))) return cached.findings;
    const deps = new Set<DependencyKey>();
    const findings = analyzeInWorkspace(resource, this.index().view(deps), { unresolvedInIncompleteWorkspace: this.settings.unresolvedInIncompleteWorkspace }, this.state.now, this.filter);
    if (!cached || cached.seq <= seq) caches.storeWorkspaceFindings(resource, { deps: [...deps], kinds: [...new Set([...deps].map(kindOfDependency))], seq, findings });
    return findings;
  }

  /** Where a resource found during analysis is now: its file's line index and the resource's base. */
  private placeOf(resource: Resource): { uri: string; lines: LineIndex; base: number } | undefined {
    const file = this.files.get(resource.uri);
    const base = file && resourceBase(file, resource);
    return file && base !== undefined ? { uri: file.uri, lines: file.parsed.lines, base } : undefined;
  }

  /** A diagnostic from chunk offsets (`base` is where the chunk starts in the file). */
  private toDiagnostic(meta: AnalyzerMeta, lines: LineIndex, base: number, start: number, end: number, message: string, resource?: Resource, finding?: Finding): Diagnostic {
    const severity: Severity = finding?.severity ?? this.filter.severity(meta);
    const related = finding?.related?.flatMap((r) => {
      const place = this.placeOf(r.resource);
      return place ? [{ uri: place.uri, range: place.lines.range(place.base + r.start, place.base + r.end), message: r.message }] : [];
    });
    return {
      range: lines.range(base + start, base + end),
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

  /** Completion with the information whether the list is complete (long reference lists are cut to what matches the typed text). */
  completionList(uri: string, position: Position): CompletionList {
    const file = this.files.get(uri);
    return file ? completeList(file, file.parsed.lines.offset(position), () => this.index().view()) : { items: [], incomplete: false };
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
