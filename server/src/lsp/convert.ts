// Conversions between the core's plain data and LSP types (to-proto) and back (from-proto).
import {
  CodeAction,
  CodeActionKind,
  type CodeLens,
  CompletionItem,
  CompletionItemKind,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type DocumentHighlight,
  DocumentHighlightKind,
  DocumentSymbol,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type Hover,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { CommandId } from '../../../common/commands';
import type * as core from '../core/analysis';
import type {
  CodeAction as CoreCodeAction,
  CodeLens as CoreCodeLens,
  CompletionItem as CoreCompletionItem,
  Diagnostic as CoreDiagnostic,
  DocumentHighlight as CoreHighlight,
  DocumentSymbol as CoreSymbol,
  Fix,
  Hover as CoreHover,
  Severity,
  WorkspaceEdit as CoreWorkspaceEdit,
} from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'istio-yaml';

export function toDiagnostic(d: CoreDiagnostic): Diagnostic {
  const message = d.istioCode ? `${d.message} (${d.istioCode})` : d.message;
  const diagnostic = Diagnostic.create(d.range, message, SEVERITY[d.severity], d.code, SOURCE);
  diagnostic.codeDescription = { href: d.docsUrl };
  if (d.tags?.length) {
    diagnostic.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  if (d.related?.length) {
    diagnostic.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  }
  // Lets a client (and our tests) see which istioctl message corresponds, and which resource it is about.
  diagnostic.data = { istioCode: d.istioCode, resource: d.resource, name: d.name };
  return diagnostic;
}

export function toCodeAction(uri: string, fix: Fix, diagnostic: CoreDiagnostic): CodeAction {
  // A fix may edit other files too (add the missing subset to the DestinationRule's file).
  const changes: Record<string, { range: CoreDiagnostic['range']; newText: string }[]> = {};
  for (const e of fix.edits) (changes[e.uri ?? uri] ??= []).push({ range: e.range, newText: e.newText });
  const action = CodeAction.create(fix.title, { changes }, CodeActionKind.QuickFix);
  action.diagnostics = [toDiagnostic(diagnostic)];
  action.isPreferred = fix.preferred;
  return action;
}

const COMPLETION_KIND: Record<CoreCompletionItem['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  keyword: CompletionItemKind.Keyword,
  reference: CompletionItemKind.Reference,
};

export function toCompletionItem(item: CoreCompletionItem): CompletionItem {
  const out = CompletionItem.create(item.label);
  out.kind = COMPLETION_KIND[item.kind];
  out.detail = item.detail;
  if (item.documentation) out.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
  out.insertTextFormat = item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText;
  if (item.range) out.textEdit = { range: item.range, newText: item.insertText };
  else out.insertText = item.insertText;
  out.sortText = item.sortText;
  out.filterText = item.filterText;
  return out;
}

export function toHover(hover: CoreHover): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range };
}

const SYMBOL_KIND: Record<CoreSymbol['kind'], SymbolKind> = {
  resource: SymbolKind.Class,
  section: SymbolKind.Namespace,
  route: SymbolKind.Event,
  server: SymbolKind.Interface,
  subset: SymbolKind.EnumMember,
  field: SymbolKind.Field,
};

export function toDocumentSymbol(symbol: CoreSymbol): DocumentSymbol {
  return DocumentSymbol.create(symbol.name, symbol.detail, SYMBOL_KIND[symbol.kind], symbol.range, symbol.selectionRange, symbol.children.map(toDocumentSymbol));
}

export function toWorkspaceEdit(edit: CoreWorkspaceEdit): WorkspaceEdit {
  const changes: WorkspaceEdit['changes'] = {};
  for (const [uri, edits] of Object.entries(edit.changes)) changes[uri] = edits.map((e) => ({ range: e.range, newText: e.newText }));
  return { changes };
}

export function toRefactoring(action: CoreCodeAction): CodeAction {
  return CodeAction.create(action.title, toWorkspaceEdit(action.edit), CodeActionKind.RefactorRewrite);
}

export function toDocumentHighlight(highlight: CoreHighlight): DocumentHighlight {
  return { range: highlight.range, kind: highlight.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read };
}

/** The client's command that turns these JSON arguments into VS Code objects for the references view. */
export const SHOW_REFERENCES: CommandId = 'istioYaml.showReferences';

/** A lens with references opens them on click; the others are plain text (an empty command id). */
export function toCodeLens(uri: string, lens: CoreCodeLens): CodeLens {
  const refs = lens.references;
  return {
    range: lens.range,
    command: refs ? { title: lens.title, command: SHOW_REFERENCES, arguments: [uri, refs.position, refs.locations] } : { title: lens.title, command: '' },
  };
}

export function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export type CoreSnapshot = core.Snapshot;
