// "Analyze files offline", "Analyze the cluster" and "Analyze workspace files against the cluster":
// istioctl analyze into the Problems panel's `istioctl` collection.
import * as vscode from 'vscode';
import { analyzeClusterArgs, analyzeFilesArgs } from '../istioctl/args';
import { interpretAnalyze } from '../istioctl/interpret';
import type { AnalyzeMessage } from '../istioctl/types';
import type { AnalyzeSummary, IstioctlProblems } from './analyze-problems';
import { contextNamespace, readKubeState } from './kube-context';
import { type CommandOutcome, failed } from './outcome';
import { runAndInterpret } from './run-and-interpret';
import type { IstioctlRunner } from './runner';
import { readIstioctlSettings } from './settings';
import { workspaceObjects, workspaceYamlFiles } from './workspace-objects';

export type AnalyzeOutcome = CommandOutcome<{ readonly summary: AnalyzeSummary; readonly files: number }>;

/** Where a cluster analysis looks: one namespace or all of them. */
export type ClusterScope = { readonly namespace: string } | { readonly allNamespaces: true };

export class AnalyzeCommands {
  constructor(
    private readonly runner: IstioctlRunner,
    private readonly problems: IstioctlProblems,
  ) {}

  /**
   * The clicked/selected files of the explorer, else the active editor's file. Unsaved changes are
   * saved first: istioctl reads the files from disk.
   */
  async analyzeFiles(clicked?: unknown, selected?: unknown): Promise<AnalyzeOutcome> {
    const uris = pickUris(clicked, selected);
    if (uris.length === 0) {
      return this.nothingToDo('Open a YAML file, or select files in the explorer, to analyze them with istioctl.');
    }
    return this.analyzeOffline(uris, uris.length === 1 ? `analyze ${vscode.workspace.asRelativePath(uris[0])}` : `analyze ${uris.length} files`);
  }

  async analyzeWorkspace(): Promise<AnalyzeOutcome> {
    const uris = await workspaceYamlFiles();
    if (uris.length === 0) return this.nothingToDo('The workspace has no YAML files to analyze.');
    return this.analyzeOffline(uris, `analyze the workspace (${uris.length} files)`);
  }

  /** The live cluster, one namespace or all; `files` (workspace files) are analyzed as if applied to it. */
  async analyzeCluster(scope?: ClusterScope, withWorkspaceFiles = false): Promise<AnalyzeOutcome> {
    const kube = readKubeState();
    const chosen = scope ?? (await pickScope(kube.context, contextNamespace(kube)));
    if (!chosen) return failed({ kind: 'cancelled', message: 'No namespace was picked.' });
    const files = withWorkspaceFiles ? await workspaceYamlFiles() : [];
    await saveDirty(files);
    const where = 'allNamespaces' in chosen ? 'all namespaces' : `namespace ${chosen.namespace}`;
    const result = await runAndInterpret(
      this.runner,
      { args: analyzeClusterArgs(kube.target, chosen, files.map((f) => f.fsPath)), what: `analyze ${where} of ${kube.context ?? 'the current context'}${files.length ? ` with ${files.length} workspace files` : ''}` },
      interpretAnalyze,
    );
    if (!result.ok) return result;
    const context = kube.context ?? 'the current context';
    const summary = withWorkspaceFiles
      ? await this.problems.showFileFindings(result.value, files)
      : await this.problems.showClusterFindings(result.value, await workspaceObjects(), context);
    this.report(summary, `in ${where} of ${context}`);
    return { ok: true, summary, files: files.length };
  }

  private async analyzeOffline(uris: readonly vscode.Uri[], what: string): Promise<AnalyzeOutcome> {
    await saveDirty(uris);
    const result = await runAndInterpret(this.runner, { args: analyzeFilesArgs(uris.map((u) => u.fsPath)), what }, interpretAnalyze);
    if (!result.ok) return result;
    for (const note of result.value.notes) this.runner.output.appendLine(`note: ${note}`);
    const summary = await this.problems.showFileFindings(result.value, uris);
    this.report(summary, uris.length === 1 ? `in ${vscode.workspace.asRelativePath(uris[0])}` : `in ${uris.length} files`);
    return { ok: true, summary, files: uris.length };
  }

  private nothingToDo(message: string): AnalyzeOutcome {
    void vscode.window.showInformationMessage(message);
    return failed({ kind: 'cancelled', message });
  }

  /** One line for the user; messages about objects outside the workspace are listed in the output channel. */
  private report(summary: AnalyzeSummary, where: string): void {
    if (summary.outsideWorkspace.length > 0) {
      this.runner.output.appendLine(`istioctl findings about objects that no workspace file defines:`);
      for (const m of summary.outsideWorkspace) this.runner.output.appendLine(`  ${describeMessage(m)}`);
    }
    const parts = [`${summary.shown} in the Problems panel`];
    if (summary.duplicates > 0) parts.push(`${summary.duplicates} already reported by Istio YAML`);
    if (summary.outsideWorkspace.length > 0) parts.push(`${summary.outsideWorkspace.length} about objects outside the workspace (see the output)`);
    const text = summary.total === 0 ? `istioctl found no issues ${where}.` : `istioctl found ${summary.total} issue${summary.total === 1 ? '' : 's'} ${where}: ${parts.join(', ')}.`;
    const actions = summary.outsideWorkspace.length > 0 ? ['Show Output'] : summary.shown > 0 ? ['Show Problems'] : [];
    void vscode.window.showInformationMessage(text, ...actions).then((choice) => {
      if (choice === 'Show Output') this.runner.output.show(true);
      if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
}

function describeMessage(m: AnalyzeMessage): string {
  return `${m.level} [${m.code}] (${m.origin}) ${m.message}`;
}

function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

function pickUris(clicked: unknown, selected: unknown): vscode.Uri[] {
  if (Array.isArray(selected) && selected.every(isUri) && selected.length > 0) return selected.filter((u) => u.scheme === 'file');
  if (isUri(clicked)) return clicked.scheme === 'file' ? [clicked] : [];
  const active = vscode.window.activeTextEditor?.document;
  return active && active.uri.scheme === 'file' ? [active.uri] : [];
}

async function saveDirty(uris: readonly vscode.Uri[]): Promise<void> {
  const wanted = new Set(uris.map((u) => u.toString()));
  await Promise.all(vscode.workspace.textDocuments.filter((d) => d.isDirty && wanted.has(d.uri.toString())).map((d) => d.save()));
}

async function pickScope(context: string | undefined, contextDefault: string | undefined): Promise<ClusterScope | undefined> {
  const settings = readIstioctlSettings();
  const known = new Set<string>([settings.namespace, contextDefault, 'default', 'istio-system'].filter((n): n is string => !!n));
  for (const o of await workspaceObjects()) if (o.namespace) known.add(o.namespace);
  const items: (vscode.QuickPickItem & { scope?: ClusterScope })[] = [
    { label: '$(globe) All namespaces', scope: { allNamespaces: true } },
    ...[...known].sort().map((namespace) => ({ label: namespace, description: namespace === contextDefault ? "the context's namespace" : undefined, scope: { namespace } })),
    { label: '$(edit) Another namespace…' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Analyze the cluster (${context ?? 'current kube context'})`, placeHolder: 'Namespace to analyze' });
  if (!picked) return undefined;
  if (picked.scope) return picked.scope;
  const typed = await vscode.window.showInputBox({ title: 'Namespace to analyze', validateInput: (v) => (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v) ? undefined : 'A Kubernetes namespace name (lower-case letters, digits, -)') });
  return typed ? { namespace: typed } : undefined;
}
