// The istioctl side of the extension, assembled: runner, Problems collection, proxy-status tree,
// read-only documents and the kube status bar entry. The command table calls into it.
import * as vscode from 'vscode';
import { AnalyzeCommands } from './analyze-commands';
import { IstioctlProblems } from './analyze-problems';
import { ClusterCommands } from './cluster-commands';
import { KubeStatusBar } from './kube-status-bar';
import { ProxyStatusView } from './proxy-status-view';
import { ReadOnlyDocuments } from './read-only-documents';
import { IstioctlRunner } from './runner';

export class IstioctlFeature implements vscode.Disposable {
  readonly runner = new IstioctlRunner();
  readonly problems = new IstioctlProblems();
  readonly proxyStatusView = new ProxyStatusView();
  readonly documents = new ReadOnlyDocuments();
  readonly status = new KubeStatusBar(this.runner);
  readonly analyze = new AnalyzeCommands(this.runner, this.problems);
  readonly cluster = new ClusterCommands(this.runner, this.proxyStatusView, this.documents);

  /** What the in-editor tests check: the tree's rows, the status bar entry, the istioctl problems. */
  testState(): object {
    const problems: { uri: string; line: number; code: string; message: string; source?: string }[] = [];
    this.problems.collection.forEach((uri, diagnostics) => {
      for (const d of diagnostics) problems.push({ uri: uri.toString(), line: d.range.start.line, code: typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''), message: d.message, source: d.source });
    });
    const tree = this.proxyStatusView.getChildren().map((node) => {
      const item = this.proxyStatusView.getTreeItem(node);
      const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '';
      return { label: String(item.label), description: String(item.description ?? ''), icon, children: this.proxyStatusView.getChildren(node).map((c) => String(this.proxyStatusView.getTreeItem(c).description ?? '')) };
    });
    return { tree, message: this.proxyStatusView.view.message ?? '', statusBar: this.status.state, problems };
  }

  dispose(): void {
    for (const d of [this.status, this.documents, this.proxyStatusView, this.problems, this.runner]) d.dispose();
  }
}
