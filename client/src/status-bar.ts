// The status bar item: the server's state at a glance; a click shows the server's log.
import * as vscode from 'vscode';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('istioYaml.status', vscode.StatusBarAlignment.Right, 100);
  private indexed = '';

  constructor() {
    this.item.name = 'Istio YAML';
    this.item.command = 'istioYaml.showOutput';
    this.set('starting');
    this.item.show();
  }

  setIndexed(files: number, istioResources: number): void {
    this.indexed = `${istioResources} Istio resources in ${files} YAML files`;
    this.set('running');
  }

  set(state: ServerState): void {
    const icon = { starting: '$(sync~spin)', running: '$(check)', stopped: '$(circle-slash)', failed: '$(error)' }[state];
    this.item.text = `${icon} Istio`;
    const detail = { starting: 'starting', running: 'running', stopped: 'stopped', failed: 'failed (see the output)' }[state];
    this.item.tooltip = `Istio YAML language server: ${detail}${this.indexed && state === 'running' ? `\n${this.indexed}` : ''}\nClick to show the server's log.`;
    this.item.backgroundColor = state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
