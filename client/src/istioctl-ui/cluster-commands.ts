// Proxy status, proxy config and describe pod: the commands that read a live mesh.
import * as vscode from 'vscode';
import { describePodArgs, proxyConfigArgs, proxyStatusArgs } from '../istioctl/args';
import { interpretDescribe, interpretProxyConfig, interpretProxyStatus } from '../istioctl/interpret';
import { PROXY_CONFIG_SECTIONS, type DescribedResource, type ProxyConfigSection, type ProxyStatusSummary } from '../istioctl/types';
import { readKubeState } from './kube-context';
import { type CommandOutcome, failed } from './outcome';
import type { ProxyStatusNode, ProxyStatusView } from './proxy-status-view';
import type { DocumentLink, ReadOnlyDocuments } from './read-only-documents';
import { runAndInterpret } from './run-and-interpret';
import type { IstioctlRunner } from './runner';
import { findObject, workspaceObjects } from './workspace-objects';

/** A pod the way the commands take it: from the tree, from a test, or from the picker. */
export interface PodRef {
  readonly pod: string;
  readonly namespace: string;
}

/** More than this share of STALE proxies is worth a warning: istiod is not keeping up, or proxies cannot reach it. */
const STALE_WARNING = 0.05;

export class ClusterCommands {
  constructor(
    private readonly runner: IstioctlRunner,
    private readonly view: ProxyStatusView,
    private readonly documents: ReadOnlyDocuments,
  ) {}

  async proxyStatus(): Promise<CommandOutcome<{ readonly summary: ProxyStatusSummary }>> {
    const kube = readKubeState();
    const context = kube.context ?? 'the current context';
    const result = await runAndInterpret(this.runner, { args: proxyStatusArgs(kube.target), what: `proxy-status (${context})` }, interpretProxyStatus);
    if (!result.ok) return result;
    const summary = this.view.update(result.value, context);
    await vscode.commands.executeCommand('istioYaml.proxyStatus.focus');
    if (summary.staleFraction > STALE_WARNING) {
      const percent = (summary.staleFraction * 100).toFixed(0);
      void vscode.window.showWarningMessage(
        `${summary.stale} of ${summary.total} proxies (${percent}%) have STALE configuration in ${context}: istiod pushed config they have not acknowledged. Check istiod's load and logs, and the proxies' connectivity to it.`,
      );
    }
    return { ok: true, summary };
  }

  async proxyConfig(target?: unknown, sectionArg?: unknown): Promise<CommandOutcome<{ readonly document: string }>> {
    const pod = await this.pickPod(target, 'Proxy config of which pod?');
    if (!pod) return failed({ kind: 'cancelled', message: 'No pod was picked.' });
    const section = isSection(sectionArg) ? sectionArg : await pickSection();
    if (!section) return failed({ kind: 'cancelled', message: 'No section was picked.' });
    const kube = readKubeState();
    const result = await runAndInterpret(this.runner, { args: proxyConfigArgs(kube.target, section, pod.pod, pod.namespace), what: `proxy-config ${section} ${pod.pod}.${pod.namespace}` }, interpretProxyConfig);
    if (!result.ok) return result;
    const editor = await this.documents.open(`proxy-config/${pod.pod}.${pod.namespace}/${section}.json`, result.value, 'json');
    return { ok: true, document: editor.document.uri.toString() };
  }

  async describePod(target?: unknown): Promise<CommandOutcome<{ readonly document: string; readonly linked: number; readonly resources: readonly DescribedResource[] }>> {
    const pod = await this.pickPod(target, 'Describe which pod?');
    if (!pod) return failed({ kind: 'cancelled', message: 'No pod was picked.' });
    const kube = readKubeState();
    const result = await runAndInterpret(this.runner, { args: describePodArgs(kube.target, pod.pod, pod.namespace), what: `x describe pod ${pod.pod}.${pod.namespace}` }, interpretDescribe);
    if (!result.ok) return result;
    const objects = await workspaceObjects();
    const links: DocumentLink[] = [];
    const missing: string[] = [];
    for (const r of result.value.resources) {
      const namespace = r.namespace ?? pod.namespace;
      const object = findObject(objects, r.kind, r.name, namespace);
      if (object) links.push({ line: r.line, start: r.start, end: r.end, target: object.uri.with({ fragment: `L${object.line + 1}` }), tooltip: `${r.kind} ${namespace}/${r.name} in ${vscode.workspace.asRelativePath(object.uri)}` });
      else if (r.kind !== 'Pod') missing.push(`${r.kind} ${namespace}/${r.name}`);
    }
    // The tool's text stays as printed; what the workspace adds comes after a rule, clearly ours.
    const footer = [
      '',
      '────────────────────────────────────────',
      `Istio YAML: ${links.length} of the resources above are defined in this workspace (the names are links).`,
      ...(missing.length > 0 ? ['Not in the workspace (applied from elsewhere, or only in the cluster):', ...[...new Set(missing)].map((m) => `   ${m}`)] : []),
    ];
    const editor = await this.documents.open(`describe/${pod.pod}.${pod.namespace}.txt`, `${result.value.text.trimEnd()}\n${footer.join('\n')}\n`, 'plaintext', links);
    return { ok: true, document: editor.document.uri.toString(), linked: links.length, resources: result.value.resources };
  }

  /** From the tree or a test (`{ pod, namespace }`), else a picker of the proxies proxy-status listed (loaded first if needed). */
  private async pickPod(target: unknown, title: string): Promise<PodRef | undefined> {
    const given = podOf(target);
    if (given) return given;
    if (this.view.proxies.length === 0) await this.proxyStatus();
    const items = this.view.proxies
      .filter((p) => p.pod && p.namespace)
      .map((p) => ({ label: p.pod, description: p.namespace, pod: { pod: p.pod, namespace: p.namespace } as PodRef | undefined }));
    items.push({ label: '$(edit) Enter pod.namespace…', description: '', pod: undefined });
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Pod (from istioctl proxy-status)', matchOnDescription: true });
    if (!picked) return undefined;
    if (picked.pod) return picked.pod;
    const typed = await vscode.window.showInputBox({ title, prompt: 'pod-name.namespace', validateInput: (v) => (/^[a-z0-9][-a-z0-9.]*\.[a-z0-9][-a-z0-9]*$/.test(v) ? undefined : 'Write it as pod-name.namespace') });
    if (!typed) return undefined;
    const dot = typed.lastIndexOf('.');
    return { pod: typed.slice(0, dot), namespace: typed.slice(dot + 1) };
  }
}

function podOf(target: unknown): PodRef | undefined {
  if (!target || typeof target !== 'object') return undefined;
  const node = target as Partial<ProxyStatusNode> & Partial<PodRef>;
  if (node.kind === 'proxy' || node.kind === 'type') return node.row ? { pod: node.row.pod, namespace: node.row.namespace } : undefined;
  return typeof node.pod === 'string' && typeof node.namespace === 'string' ? { pod: node.pod, namespace: node.namespace } : undefined;
}

function isSection(value: unknown): value is ProxyConfigSection {
  return typeof value === 'string' && (PROXY_CONFIG_SECTIONS as readonly string[]).includes(value);
}

async function pickSection(): Promise<ProxyConfigSection | undefined> {
  const detail: Record<ProxyConfigSection, string> = {
    clusters: 'Upstream clusters: one per service port and subset (CDS)',
    listeners: 'Where the proxy accepts traffic (LDS)',
    routes: 'HTTP route tables built from VirtualServices (RDS)',
    endpoints: 'Endpoints of every cluster, with health (EDS)',
    secrets: 'Certificates the proxy holds (SDS)',
    bootstrap: "The proxy's bootstrap configuration",
  };
  const picked = await vscode.window.showQuickPick(
    PROXY_CONFIG_SECTIONS.map((s) => ({ label: s, detail: detail[s] })),
    { title: 'Proxy config section' },
  );
  return picked?.label as ProxyConfigSection | undefined;
}
