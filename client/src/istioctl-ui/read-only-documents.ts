// istioctl's output as read-only editor documents (scheme `istioctl`): proxy-config JSON and the
// describe text, with links from the describe text to the workspace files that define what it names.
import * as vscode from 'vscode';

export const SCHEME = 'istioctl';

export interface DocumentLink {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly target: vscode.Uri;
  readonly tooltip: string;
}

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly links = new Map<string, readonly DocumentLink[]>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registrations: vscode.Disposable[];

  constructor() {
    this.registrations = [vscode.workspace.registerTextDocumentContentProvider(SCHEME, this), vscode.languages.registerDocumentLinkProvider({ scheme: SCHEME }, this)];
  }

  /** Opens (or refreshes) `istioctl:/<path>` with the text; a later run of the same command replaces it. */
  async open(path: string, text: string, language: string, links: readonly DocumentLink[] = []): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${path}` });
    this.contents.set(uri.toString(), text);
    this.links.set(uri.toString(), links);
    this.changed.fire(uri);
    const opened = await vscode.workspace.openTextDocument(uri);
    const document = opened.languageId === language ? opened : await vscode.languages.setTextDocumentLanguage(opened, language);
    // Beside the file being worked on; in the active group when no editor is open (no empty group left over).
    const viewColumn = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    return vscode.window.showTextDocument(document, { preview: false, viewColumn });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? 'This istioctl output is no longer available: run the command again.';
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    return (this.links.get(document.uri.toString()) ?? []).map((l) => {
      const link = new vscode.DocumentLink(new vscode.Range(l.line, l.start, l.line, l.end), l.target);
      link.tooltip = l.tooltip;
      return link;
    });
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.changed.dispose();
  }
}
