// The kube context and kubeconfig the cluster commands use: from the settings, else the kubeconfig's
// current context; a picker built from the kubeconfig writes the workspace setting.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { kubeconfigPaths, mergeKubeconfigs, parseKubeconfig } from '../istioctl/kubeconfig';
import type { KubeConfigSummary, KubeTarget } from '../istioctl/types';
import { readIstioctlSettings } from './settings';

export interface KubeState {
  readonly paths: readonly string[];
  /** The kubeconfig files that exist. */
  readonly existing: readonly string[];
  readonly config: KubeConfigSummary;
  /** The context the commands will use: the setting, else the kubeconfig's current context. */
  readonly context?: string;
  readonly target: KubeTarget;
}

export function readKubeState(): KubeState {
  const settings = readIstioctlSettings();
  const paths = kubeconfigPaths(settings.target.kubeconfig, { KUBECONFIG: process.env.KUBECONFIG, HOME: process.env.HOME, USERPROFILE: process.env.USERPROFILE }, process.platform);
  const existing = paths.filter((p) => fs.existsSync(p));
  const config = mergeKubeconfigs(existing.map((p) => parseKubeconfig(readQuietly(p))));
  return { paths, existing, config, context: settings.target.context ?? config.currentContext, target: settings.target };
}

function readQuietly(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The context's default namespace from the kubeconfig, for pickers. */
export function contextNamespace(state: KubeState): string | undefined {
  return state.config.contexts.find((c) => c.name === state.context)?.namespace;
}

/** Lets the user pick a context of the kubeconfig; writes `istioYaml.kube.context` for this workspace. */
export async function selectContext(): Promise<string | undefined> {
  const state = readKubeState();
  if (state.config.contexts.length === 0) {
    const where = state.paths.join(', ') || '~/.kube/config';
    const choice = await vscode.window.showWarningMessage(`No kube contexts found in ${where}. Set istioYaml.kube.kubeconfig to your kubeconfig, or create one with your cluster's CLI (for example \`gcloud container clusters get-credentials\`).`, 'Set Kubeconfig');
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'istioYaml.kube.kubeconfig');
    return undefined;
  }
  const items = state.config.contexts.map((c) => ({
    label: c.name,
    description: [c.name === state.config.currentContext ? 'current' : '', c.namespace ? `namespace ${c.namespace}` : ''].filter(Boolean).join(' · '),
    detail: [c.cluster && `cluster ${c.cluster}`, c.user && `user ${c.user}`].filter(Boolean).join(' · ') || undefined,
    picked: c.name === state.context,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Kube context for istioctl', placeHolder: state.context ? `Now: ${state.context}` : 'Pick a context' });
  if (!picked) return undefined;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('istioYaml').update('kube.context', picked.label, target);
  return picked.label;
}
