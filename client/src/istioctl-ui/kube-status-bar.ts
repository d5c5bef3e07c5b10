// The status bar entry of the cluster side: the kube context the istioctl commands use, and whether
// istioctl was found (with its version once known). A click picks another context.
import * as vscode from 'vscode';
import { readKubeState } from './kube-context';
import type { IstioctlRunner } from './runner';
import { affectsIstioctl } from './settings';

export class KubeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('istioYaml.kube', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The client version istioctl reported, per path (a version check fills it in). */
  private readonly versions = new Map<string, string>();

  constructor(private readonly runner: IstioctlRunner) {
    this.item.name = 'Istio kube context';
    this.item.command = 'istioYaml.kube.selectContext';
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => affectsIstioctl(e) && this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
      // A run may have found istioctl where it was missing before (installed since, PATH changed).
      runner.onDidRun(() => this.refresh()),
    );
    // Reading the kubeconfig and searching PATH waits until activation has returned.
    this.item.text = '$(cloud) …';
    this.item.show();
    setTimeout(() => this.refresh(), 0);
  }

  rememberVersion(path: string, version: string): void {
    this.versions.set(path, version);
    this.refresh();
  }

  /** What the entry shows, for the tests. */
  get state(): { readonly text: string; readonly tooltip: string } {
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '') };
  }

  refresh(): void {
    const kube = readKubeState();
    const located = vscode.workspace.isTrusted ? this.runner.locate() : undefined;
    const context = kube.context ?? 'no kube context';
    const found = located?.found ? located : undefined;
    this.item.text = `$(cloud) ${context}${found ? '' : ' $(warning)'}`;
    const lines = [
      `Kube context for istioctl: ${kube.context ?? 'none'}${kube.target.context ? ' (from istioYaml.kube.context)' : kube.context ? ' (the kubeconfig\'s current context)' : ''}`,
      `Kubeconfig: ${kube.existing.length > 0 ? kube.existing.join(', ') : `none found (${kube.paths.join(', ') || '~/.kube/config'})`}`,
      !vscode.workspace.isTrusted ? 'istioctl: not run in an untrusted workspace' : found ? `istioctl: ${found.path}${this.versions.has(found.path) ? ` (${this.versions.get(found.path)})` : ''}, from ${found.source === 'setting' ? 'istioYaml.istioctl.path' : 'PATH'}` : `istioctl: not found. ${located && !located.found ? located.reason : ''}`,
      'Click to pick another kube context.',
    ];
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = found || !vscode.workspace.isTrusted ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
