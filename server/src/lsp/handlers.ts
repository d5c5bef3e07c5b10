// One small function per LSP request: convert params, take a snapshot, ask the core, convert back.
import type {
  CodeAction,
  CodeActionParams,
  CompletionItem,
  CompletionParams,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  SelectionRange,
  SelectionRangeParams,
} from 'vscode-languageserver/node';
import type { Workspace } from '../core/analysis';
import { intersects, toCodeAction, toCompletionItem, toDocumentSymbol, toHover } from './convert';

export function completion(workspace: Workspace, params: CompletionParams): CompletionItem[] {
  return workspace.snapshot().completion(params.textDocument.uri, params.position).map(toCompletionItem);
}

export function hover(workspace: Workspace, params: HoverParams): Hover | null {
  const result = workspace.snapshot().hover(params.textDocument.uri, params.position);
  return result ? toHover(result) : null;
}

export function documentSymbols(workspace: Workspace, params: DocumentSymbolParams): DocumentSymbol[] {
  return workspace.snapshot().symbols(params.textDocument.uri).map(toDocumentSymbol);
}

export function foldingRanges(workspace: Workspace, params: FoldingRangeParams): FoldingRange[] {
  return workspace.snapshot().foldingRanges(params.textDocument.uri).map((r) => ({ startLine: r.startLine, endLine: r.endLine }));
}

export function selectionRanges(workspace: Workspace, params: SelectionRangeParams): SelectionRange[] {
  return workspace.snapshot().selectionRanges(params.textDocument.uri, params.positions) as SelectionRange[];
}

/** Quick fixes are recomputed from the snapshot for the requested range; nothing is cached. */
export function codeActions(workspace: Workspace, params: CodeActionParams): CodeAction[] {
  const { uri } = params.textDocument;
  const only = params.context.only;
  if (only && !only.some((kind) => kind === 'quickfix' || 'quickfix'.startsWith(`${kind}.`) || kind === '')) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of workspace.snapshot().diagnostics(uri)) {
    if (!diagnostic.fixes?.length || !intersects(diagnostic.range, params.range)) continue;
    for (const fix of diagnostic.fixes) actions.push(toCodeAction(uri, fix, diagnostic));
  }
  return actions;
}
