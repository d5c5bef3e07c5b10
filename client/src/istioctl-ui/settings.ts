// The istioctl and kube settings, read fresh on every run so a change applies without a reload.
import * as os from 'os';
import * as vscode from 'vscode';
import type { KubeTarget } from '../istioctl/types';

export interface IstioctlSettings {
  /** `istioYaml.istioctl.path`; restricted in untrusted workspaces (VS Code ignores a workspace value there). */
  readonly path?: string;
  readonly timeoutMs: number;
  readonly target: KubeTarget;
  /** Default namespace for cluster commands, from `istioYaml.kube.namespace`. */
  readonly namespace?: string;
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

/** A leading `~` is expanded: settings are often copied from shell profiles. */
function expandHome(value: string | undefined): string | undefined {
  return value && /^~(\/|\\|$)/.test(value) ? os.homedir() + value.slice(1) : value;
}

export function readIstioctlSettings(): IstioctlSettings {
  const c = vscode.workspace.getConfiguration('istioYaml');
  const seconds = c.get<number>('istioctl.timeoutSeconds', 60);
  return {
    path: expandHome(nonEmpty(c.get<string>('istioctl.path'))),
    timeoutMs: Math.max(1, Number.isFinite(seconds) ? seconds : 60) * 1000,
    target: { kubeconfig: expandHome(nonEmpty(c.get<string>('kube.kubeconfig'))), context: nonEmpty(c.get<string>('kube.context')) },
    namespace: nonEmpty(c.get<string>('kube.namespace')),
  };
}

/** Settings that change what the status bar shows. */
export function affectsIstioctl(event: vscode.ConfigurationChangeEvent): boolean {
  return ['istioYaml.istioctl', 'istioYaml.kube'].some((section) => event.affectsConfiguration(section));
}
