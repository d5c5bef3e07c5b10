// The "Proxy Status" tree: every proxy of `istioctl proxy-status` with its xDS sync state per type,
// SYNCED / STALE / NOT SENT visible at a glance by icon and colour, its istiod and version.
import * as vscode from 'vscode';
import { summarizeProxyStatus } from '../istioctl/output/proxy-status';
import type { ProxyStatusRow, ProxyStatusSummary, SyncState, XdsTypeStatus } from '../istioctl/types';

export type ProxyStatusNode = { readonly kind: 'proxy'; readonly row: ProxyStatusRow } | { readonly kind: 'type'; readonly row: ProxyStatusRow; readonly type: XdsTypeStatus };

const CORE_TYPES = ['CDS', 'LDS', 'EDS', 'RDS'];

/** The worst state of a proxy decides its icon: one STALE type makes the proxy stale. */
export function proxyState(row: ProxyStatusRow): SyncState {
  const states = row.types.map((t) => t.state);
  for (const worst of ['ERROR', 'STALE', 'NOT SENT'] as const) if (states.includes(worst)) return worst;
  return states.length > 0 && states.every((s) => s === 'SYNCED' || s === 'IGNORED') ? 'SYNCED' : 'UNKNOWN';
}

function stateIcon(state: SyncState): vscode.ThemeIcon {
  switch (state) {
    case 'SYNCED':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'STALE':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'ERROR':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'NOT SENT':
      return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('descriptionForeground'));
    default:
      return new vscode.ThemeIcon('question');
  }
}

/** `CDS ✓ LDS ✓ EDS ⚠ RDS ✓` in words: the row's core types with their states, for the description column. */
function typeSummary(row: ProxyStatusRow): string {
  return row.types
    .filter((t) => CORE_TYPES.includes(t.type))
    .map((t) => `${t.type} ${t.state === 'SYNCED' ? '✓' : t.state}`)
    .join('  ');
}

export class ProxyStatusView implements vscode.TreeDataProvider<ProxyStatusNode>, vscode.Disposable {
  private rows: readonly ProxyStatusRow[] = [];
  private loadedAt: Date | undefined;
  private readonly changed = new vscode.EventEmitter<ProxyStatusNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<ProxyStatusNode>;

  constructor() {
    this.view = vscode.window.createTreeView('istioYaml.proxyStatus', { treeDataProvider: this, showCollapseAll: true });
  }

  get proxies(): readonly ProxyStatusRow[] {
    return this.rows;
  }

  get summary(): ProxyStatusSummary {
    return summarizeProxyStatus(this.rows);
  }

  update(rows: readonly ProxyStatusRow[], context: string): ProxyStatusSummary {
    this.rows = rows;
    this.loadedAt = new Date();
    const summary = this.summary;
    this.view.message = rows.length === 0 ? `No proxies in kube context ${context}.` : summaryText(summary, context, this.loadedAt);
    this.view.badge = summary.stale > 0 ? { value: summary.stale, tooltip: `${summary.stale} proxies with STALE configuration` } : undefined;
    this.changed.fire(undefined);
    return summary;
  }

  getTreeItem(node: ProxyStatusNode): vscode.TreeItem {
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(node.type.type, vscode.TreeItemCollapsibleState.None);
      item.description = node.type.text;
      item.iconPath = stateIcon(node.type.state);
      item.tooltip = `${node.type.type} of ${node.row.name}: ${node.type.text}`;
      return item;
    }
    const { row } = node;
    const state = proxyState(row);
    // The pod as the label; namespace, states, version and istiod after it, most telling first.
    const item = new vscode.TreeItem(row.pod || row.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${row.cluster}/${row.name}`;
    item.description = [row.namespace, typeSummary(row), row.version, row.istiod].filter(Boolean).join('  ·  ');
    item.iconPath = stateIcon(state);
    item.contextValue = 'proxy';
    const tooltip = new vscode.MarkdownString(`**${row.name}** — ${state}\n\n| type | state |\n|---|---|\n${row.types.map((t) => `| ${t.type} | ${t.text} |`).join('\n')}\n\nistiod \`${row.istiod}\` · version \`${row.version}\` · cluster \`${row.cluster}\``);
    item.tooltip = tooltip;
    return item;
  }

  getChildren(node?: ProxyStatusNode): ProxyStatusNode[] {
    if (!node) return this.rows.map((row) => ({ kind: 'proxy', row }));
    if (node.kind === 'proxy') return node.row.types.map((type) => ({ kind: 'type', row: node.row, type }));
    return [];
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}

function summaryText(summary: ProxyStatusSummary, context: string, at: Date): string {
  const time = at.toLocaleTimeString();
  const stale = summary.stale === 0 ? 'all synced' : `${summary.stale} STALE (${(summary.staleFraction * 100).toFixed(0)}%)`;
  return `${summary.total} proxies in ${context}: ${stale} — ${time}`;
}
