// One small function per LSP request: convert params, take a snapshot, ask the core, convert back.
import {
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type CompletionList,
  type CompletionParams,
  type DefinitionParams,
  type DocumentHighlight,
  type DocumentHighlightParams,
  type DocumentSymbol,
  type DocumentSymbolParams,
  ErrorCodes,
  type FoldingRange,
  type FoldingRangeParams,
  type Hover,
  type HoverParams,
  type Location,
  type PrepareRenameParams,
  type PrepareRenameResult,
  type ReferenceParams,
  type RenameParams,
  ResponseError,
  type SelectionRange,
  type SelectionRangeParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Workspace } from '../core/analysis';
import type { RoutingGraph, RoutingGraphRequest, RoutingScope, SimulatedRequest, SimulateRequest, SimulationResult } from '../../../common/routing';
import { intersects, toCodeAction, toCodeLens, toCompletionItem, toDocumentHighlight, toDocumentSymbol, toHover, toRefactoring, toWorkspaceEdit } from './convert';

export function completion(workspace: Workspace, params: CompletionParams): CompletionList {
  const list = workspace.snapshot().completionList(params.textDocument.uri, params.position);
  return { isIncomplete: list.incomplete, items: list.items.map(toCompletionItem) };
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

/** Whether a code action kind is among those requested (`refactor` covers `refactor.rewrite`). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => o === '' || o === kind || kind.startsWith(`${o}.`));
}

/** Quick fixes and refactorings are recomputed from the snapshot for the requested range; nothing is cached. */
export function codeActions(workspace: Workspace, params: CodeActionParams): CodeAction[] {
  const { uri } = params.textDocument;
  const only = params.context.only;
  const snapshot = workspace.snapshot();
  const actions: CodeAction[] = [];
  if (wanted(only, 'quickfix')) {
    for (const diagnostic of snapshot.diagnostics(uri)) {
      if (!diagnostic.fixes?.length || !intersects(diagnostic.range, params.range)) continue;
      for (const fix of diagnostic.fixes) actions.push(toCodeAction(uri, fix, diagnostic));
    }
  }
  if (wanted(only, 'refactor.rewrite')) actions.push(...snapshot.codeActions(uri, params.range).map(toRefactoring));
  return actions;
}

export function definition(workspace: Workspace, params: DefinitionParams): Location[] {
  return workspace.snapshot().definition(params.textDocument.uri, params.position);
}

export function references(workspace: Workspace, params: ReferenceParams): Location[] {
  return workspace.snapshot().references(params.textDocument.uri, params.position, params.context.includeDeclaration);
}

export function documentHighlights(workspace: Workspace, params: DocumentHighlightParams): DocumentHighlight[] {
  return workspace.snapshot().documentHighlights(params.textDocument.uri, params.position).map(toDocumentHighlight);
}

/** A rejection (renaming a host, `mesh`) is an error the editor shows; nothing renameable is null. */
export function prepareRename(workspace: Workspace, params: PrepareRenameParams): PrepareRenameResult | ResponseError<void> | null {
  const result = workspace.snapshot().prepareRename(params.textDocument.uri, params.position);
  if (!result) return null;
  return 'error' in result ? new ResponseError(ErrorCodes.InvalidRequest, result.error) : result;
}

export function rename(workspace: Workspace, params: RenameParams): WorkspaceEdit | ResponseError<void> | null {
  const result = workspace.snapshot().rename(params.textDocument.uri, params.position, params.newName);
  if (!result) return null;
  return 'error' in result ? new ResponseError(ErrorCodes.InvalidRequest, result.error) : toWorkspaceEdit(result);
}

export function codeLenses(workspace: Workspace, params: CodeLensParams): CodeLens[] {
  const { uri } = params.textDocument;
  return workspace.snapshot().codeLenses(uri).map((lens) => toCodeLens(uri, lens));
}

/** What a failed routing request answers (the guard logs the failure). */
export const EMPTY_ROUTING_GRAPH: RoutingGraph = { scope: { kind: 'workspace' }, nodes: [], edges: [] };
export const FAILED_SIMULATION: SimulationResult = { outcome: 'notFound', summary: 'The simulator failed; see the Istio YAML output.', steps: [], destinations: [], mirrors: [], highlight: { nodes: [], edges: [] }, error: 'The simulator failed; see the Istio YAML output.' };

/** Params of a custom request as they arrive: anything (the guard reads `textDocument` for its log). */
export type Untrusted<P> = Partial<P> & { readonly textDocument?: { readonly uri: string } };

/** Params come from the webview: the core checks the scope and draws nothing for a malformed one. */
export function routingGraph(workspace: Workspace, params: Untrusted<RoutingGraphRequest.Params> | null | undefined): RoutingGraph {
  return workspace.snapshot().routingGraph(params?.scope as RoutingScope);
}

/** A malformed request gets a result whose `error` and summary say what is wrong. */
export function simulate(workspace: Workspace, params: Untrusted<SimulateRequest.Params> | null | undefined): SimulationResult {
  return workspace.snapshot().simulate(params?.request as SimulatedRequest);
}
