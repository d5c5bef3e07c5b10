// The core's vocabulary: plain data that crosses the façade (no YAML nodes, no LSP types, no classes).
// Positions are 0-based lines and UTF-16 columns, the same unit as LSP's default position encoding.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedInformation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
  /** The file the edit applies to when it is not the diagnostic's own file (cross-file fixes). */
  readonly uri?: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** True when applying the fix cannot change what the configuration means beyond the reported problem. */
  readonly preferred?: boolean;
}

export interface Diagnostic {
  readonly range: Range;
  readonly severity: Severity;
  /** Our stable code, e.g. `IY002`. */
  readonly code: string;
  /** The analyzer's kebab-case name, e.g. `unknown-field`. */
  readonly name: string;
  /** The matching `istioctl analyze` message code, when one exists. */
  readonly istioCode?: string;
  readonly message: string;
  /** `Kind namespace/name` of the resource the finding belongs to. */
  readonly resource?: string;
  readonly docsUrl: string;
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  readonly related?: readonly RelatedInformation[];
  readonly fixes?: readonly Fix[];
}

export interface CoreSettings {
  /** Namespace of resources without `metadata.namespace`. */
  readonly defaultNamespace: string;
  /** Run the schema analyzers (off when another extension already validates against Istio schemas). */
  readonly schemaValidation: boolean;
  /** Run Istio's admission rules beyond the schema. */
  readonly admissionValidation: boolean;
  /** Analyzer codes or names that never report. */
  readonly disabled: readonly string[];
  /** Severity overrides keyed by analyzer code or name. */
  readonly severity: Readonly<Record<string, Severity>>;
  /**
   * A reference whose target kind appears nowhere in the workspace (no Services at all, say) may point
   * into another repository or the cluster: report it as information, or not at all.
   */
  readonly unresolvedInIncompleteWorkspace: 'information' | 'off';
}

export const DEFAULT_SETTINGS: CoreSettings = {
  defaultNamespace: 'default',
  schemaValidation: true,
  admissionValidation: true,
  disabled: [],
  severity: {},
  unresolvedInIncompleteWorkspace: 'off',
};

export type CompletionKind = 'property' | 'value' | 'enum' | 'snippet' | 'keyword' | 'reference';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown documentation. */
  readonly documentation?: string;
  /** Text to insert; a snippet (with `${1}` tab stops) when `snippet` is true. */
  readonly insertText: string;
  readonly snippet?: boolean;
  /** The range the insert text replaces; defaults to the word at the cursor. */
  readonly range?: Range;
  readonly sortText?: string;
  readonly filterText?: string;
}

/** Completion items; `incomplete` when the list was cut and the editor should ask again as more is typed. */
export interface CompletionList {
  readonly items: readonly CompletionItem[];
  readonly incomplete: boolean;
}

export interface Hover {
  /** Markdown. */
  readonly contents: string;
  readonly range: Range;
}

export type SymbolKind = 'resource' | 'section' | 'route' | 'server' | 'subset' | 'field';

export interface DocumentSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: readonly DocumentSymbol[];
}

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
}

export interface SelectionRange {
  readonly range: Range;
  readonly parent?: SelectionRange;
}

/** Identity of one Kubernetes-style object found in the workspace. */
export interface ResourceInfo {
  readonly uri: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** True when the kind is one of Istio's CRDs. */
  readonly istio: boolean;
  readonly range: Range;
}

/** A range in a file of the workspace (definition, references). */
export interface Location {
  readonly uri: string;
  readonly range: Range;
}

/** Edits to several files, applied as one change (rename, refactorings). */
export interface WorkspaceEdit {
  readonly changes: Readonly<Record<string, readonly TextEdit[]>>;
}

/** What a rename at a position would rename: the range to edit and the current name. */
export interface RenamePlace {
  readonly range: Range;
  readonly placeholder: string;
}

/** Why there is nothing to rename here, in words for the user. */
export interface RenameRejection {
  readonly error: string;
}

export interface DocumentHighlight {
  readonly range: Range;
  /** `write` for the definition, `read` for the places that refer to it. */
  readonly kind: 'read' | 'write';
}

export interface CodeLens {
  readonly range: Range;
  readonly title: string;
  /** When set, clicking the lens shows these locations in a references view opened at `position`. */
  readonly references?: { readonly position: Position; readonly locations: readonly Location[] };
}

/** A refactoring offered for a range (quick fixes travel with their diagnostics instead). */
export interface CodeAction {
  readonly title: string;
  readonly kind: 'refactor.rewrite';
  readonly edit: WorkspaceEdit;
}
