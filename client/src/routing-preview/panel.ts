// The routing preview panel: one webview beside the editor that draws the graph the language server
// computes (istioYaml/routingGraph) for the chosen scope, and runs the request simulator
// (istioYaml/simulate). It refreshes on unsaved edits (debounced), follows the active editor and the
// cursor for the file and resource scopes, and is restored after a reload by its serializer.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RoutingGraphRequest, SimulateRequest, type RoutingGraph, type RoutingScope } from '../../../common/routing';
import type { FromWebviewMessage, RenderedSummary, ScopeChoice, ToWebviewMessage } from '../../../common/routing-messages';
import { makeNonce, previewHtml } from './html';
import { fromWebviewMessage, previewState } from './messages';

export const VIEW_TYPE = 'istioYaml.routingPreview';
/** Edit → request. The server has the edit before our request (LSP keeps message order); layout adds a few tens of ms. */
const DEBOUNCE_MS = 150;
/** LSP's "method not found": a server without routing graphs. */
const METHOD_NOT_FOUND = -32601;

interface EditorPlace {
  readonly uri: vscode.Uri;
  readonly position: vscode.Position;
  readonly viewColumn?: vscode.ViewColumn;
}

/** What the in-editor tests read through `istioYaml.routingPreview.state`: what the webview reports it drew. */
export interface PreviewTestState {
  readonly open: boolean;
  readonly visible: boolean;
  readonly choice: ScopeChoice;
  readonly title?: string;
  readonly renders: number;
  readonly rendered?: RenderedSummary;
  /** From the last document change to the webview's report of the drawing that followed it. */
  readonly lastEditToRenderMs?: number;
}

function isYaml(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'yaml' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

export class RoutingPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private choice: ScopeChoice = { kind: 'file' };
  private editor: EditorPlace | undefined;
  private graph: RoutingGraph | undefined;
  private title: string | undefined;
  private lastPosted: string | undefined;
  private sequence = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stale = false;
  private renders = 0;
  private rendered: RenderedSummary | undefined;
  private editedAt: number | undefined;
  private lastEditToRenderMs: number | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly client: () => LanguageClient | undefined, private readonly output: vscode.OutputChannel) {
    this.track(vscode.window.activeTextEditor);
    this.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => this.attach(panel, previewState(state).choice),
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!isYaml(e.document) || e.contentChanges.length === 0) return;
        this.editedAt = Date.now();
        this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.track(editor) && this.choice.kind !== 'workspace' && this.choice.kind !== 'host') this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.track(e.textEditor) && this.choice.kind === 'resource') this.schedule();
      }),
    );
  }

  /** Opens the panel beside the editor (or reveals it), keeping the focus in the editor. */
  show(): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Routing Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
    this.attach(panel, this.editor ? { kind: 'file' } : { kind: 'workspace' });
  }

  testState(): PreviewTestState {
    return {
      open: !!this.panel,
      visible: !!this.panel?.visible,
      choice: this.choice,
      title: this.title,
      renders: this.renders,
      rendered: this.rendered,
      lastEditToRenderMs: this.lastEditToRenderMs,
    };
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    // Only dist/ is readable by the page; the page keeps its state with setState, so it needs no retained context.
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')], retainContextWhenHidden: false };
  }

  private attach(panel: vscode.WebviewPanel, choice: ScopeChoice): void {
    this.panel = panel;
    this.choice = choice;
    this.lastPosted = undefined;
    panel.webview.options = this.webviewOptions();
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce((n) => randomBytes(n)),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    });
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((raw) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.schedule(0);
      }),
      panel.onDidDispose(() => {
        for (const d of this.panelSubscriptions) d.dispose();
        this.panelSubscriptions = [];
        this.panel = undefined;
        this.graph = undefined;
        this.rendered = undefined;
        clearTimeout(this.timer);
      }),
    );
  }

  /** Remembers the last YAML editor and cursor: focus moves into the panel, but the scope stays that file. */
  private track(editor: vscode.TextEditor | undefined): boolean {
    if (!editor || !isYaml(editor.document)) return false;
    this.editor = { uri: editor.document.uri, position: editor.selection.active, viewColumn: editor.viewColumn };
    return true;
  }

  private schedule(delay = DEBOUNCE_MS): void {
    if (!this.panel) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private post(message: ToWebviewMessage): void {
    const text = JSON.stringify(message);
    // An edit that changes nothing in the graph (a comment, a cursor move within one resource) redraws nothing.
    if (message.type === 'graph' || message.type === 'empty') {
      if (text === this.lastPosted) return;
      this.lastPosted = text;
    }
    void this.panel?.webview.postMessage(message);
  }

  private scope(): { scope: RoutingScope; title: string } | string {
    const c = this.choice;
    if (c.kind === 'workspace') return { scope: { kind: 'workspace' }, title: 'Whole workspace' };
    if (c.kind === 'host') return { scope: c.namespace ? { kind: 'host', host: c.host, namespace: c.namespace } : { kind: 'host', host: c.host }, title: `Host ${c.host}${c.namespace ? ` (${c.namespace})` : ''}` };
    const e = this.editor;
    if (!e) return 'Open an Istio file (a VirtualService, a Gateway, a DestinationRule…) to see where its requests go, or choose “Whole workspace”.';
    const file = vscode.workspace.asRelativePath(e.uri);
    if (c.kind === 'file') return { scope: { kind: 'file', uri: e.uri.toString() }, title: file };
    return { scope: { kind: 'resource', uri: e.uri.toString(), position: { line: e.position.line, character: e.position.character } }, title: `${file}:${e.position.line + 1}` };
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    this.stale = false;
    const seq = ++this.sequence;
    const target = this.scope();
    if (typeof target === 'string') return this.post({ type: 'empty', message: target, choice: this.choice });
    const client = this.client();
    if (!client || !client.isRunning()) {
      this.post({ type: 'empty', message: 'The Istio YAML language server is starting…', choice: this.choice });
      this.timer = setTimeout(() => void this.refresh(), 1000);
      return;
    }
    try {
      const params: RoutingGraphRequest.Params = { scope: target.scope };
      const graph = await client.sendRequest<RoutingGraphRequest.Result>(RoutingGraphRequest.method, params);
      if (seq !== this.sequence || this.panel !== panel) return;
      this.graph = graph;
      this.title = target.title;
      panel.title = `Routing: ${target.title}`;
      this.post({ type: 'graph', graph, title: target.title, choice: this.choice });
    } catch (error) {
      if (seq !== this.sequence) return;
      const code = (error as { code?: unknown }).code;
      if (code === METHOD_NOT_FOUND) {
        this.post({ type: 'empty', message: 'This version of the Istio YAML language server cannot draw routing graphs.', choice: this.choice });
      } else {
        this.output.appendLine(`[routing preview] ${String(error)}`);
        this.post({ type: 'error', message: `The language server could not compute the graph: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }

  private receive(raw: unknown): void {
    let message: FromWebviewMessage;
    try {
      message = fromWebviewMessage(raw);
    } catch (error) {
      this.output.appendLine(`[routing preview] ignored an invalid message from the webview: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    void this.handle(message).catch((error) => this.output.appendLine(`[routing preview] ${String(error)}`));
  }

  private async handle(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.lastPosted = undefined;
        return this.refresh();
      case 'setScope':
        this.choice = message.choice;
        return this.refresh();
      case 'reveal':
        return this.reveal(message.nodeId);
      case 'simulate':
        return this.simulate(message.request);
      case 'export':
        return this.export(message.format, message.data);
      case 'rendered':
        this.renders++;
        this.rendered = message.summary;
        if (this.editedAt !== undefined) {
          this.lastEditToRenderMs = Date.now() - this.editedAt;
          this.editedAt = undefined;
        }
        return;
    }
  }

  /** Opens the YAML of a node of the graph we sent: the webview names the node, never the file. */
  private async reveal(nodeId: string): Promise<void> {
    const location = this.graph?.nodes.find((n) => n.id === nodeId)?.location;
    if (!location) return;
    const { start, end } = location.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: this.editor?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async simulate(request: SimulateRequest.Params['request']): Promise<void> {
    const client = this.client();
    if (!client || !client.isRunning()) return this.post({ type: 'error', message: 'The Istio YAML language server is not running.' });
    try {
      const params: SimulateRequest.Params = { request };
      const result = await client.sendRequest<SimulateRequest.Result>(SimulateRequest.method, params);
      this.post({ type: 'simulation', result });
    } catch (error) {
      this.post({ type: 'error', message: `The simulation failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private async export(format: 'svg' | 'png', data: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `routing-preview.${format}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      saveLabel: `Export ${format.toUpperCase()}`,
    });
    if (!target) return;
    const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data, 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.setStatusBarMessage(`Routing preview exported to ${vscode.workspace.asRelativePath(target)}`, 4000);
  }
}
