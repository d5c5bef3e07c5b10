// The argument arrays of every istioctl command the extension runs (the executable comes from
// locate.ts). Pure functions: tested against the flags istioctl 1.31 really accepts.
import type { KubeTarget, ProxyConfigSection } from './types';

/** The istioctl subcommand of each proxy-config section (istioctl/pkg/proxyconfig: cluster, listener, ...). */
export const PROXY_CONFIG_SUBCOMMAND: Readonly<Record<ProxyConfigSection, string>> = {
  clusters: 'cluster',
  listeners: 'listener',
  routes: 'route',
  endpoints: 'endpoint',
  secrets: 'secret',
  bootstrap: 'bootstrap',
};

/** `--kubeconfig` and `--context` when set (long forms: istioctl's short `-c` is the kubeconfig, not the context). */
export function kubeArgs(target: KubeTarget): string[] {
  return [...(target.kubeconfig ? ['--kubeconfig', target.kubeconfig] : []), ...(target.context ? ['--context', target.context] : [])];
}

/**
 * Offline analysis of files. `--all-namespaces`: without it istioctl reports only the kube context's
 * namespace (`default` with no kubeconfig) and silently drops the messages of every other object.
 * The files follow `--`, so a file named like a flag (`-x.yaml`) stays a file.
 */
export function analyzeFilesArgs(files: readonly string[]): string[] {
  return ['analyze', '--use-kube=false', '--all-namespaces', '-o', 'json', ...fileOperands(files)];
}

/** Analysis of the live cluster (and, when given, workspace files analyzed together with the cluster's state). */
export function analyzeClusterArgs(target: KubeTarget, scope: { namespace: string } | { allNamespaces: true }, files: readonly string[] = []): string[] {
  const where = 'allNamespaces' in scope ? ['--all-namespaces'] : ['--namespace', scope.namespace];
  return ['analyze', '-o', 'json', ...kubeArgs(target), ...where, ...fileOperands(files)];
}

/**
 * Sync status of every proxy, one JSON DiscoveryResponse per istiod. `--namespace` keeps the proxies
 * whose own namespace it is (istioctl filters on the proxy's NAMESPACE metadata); Istio's own
 * namespace is `--istioNamespace`, left to its default.
 */
export function proxyStatusArgs(target: KubeTarget, namespace?: string): string[] {
  return ['proxy-status', '-o', 'json', ...kubeArgs(target), ...(namespace ? ['--namespace', namespace] : [])];
}

/** `pod.namespace`: istioctl splits at the last dot, and namespaces have none, so dotted pod names work. */
export function proxyConfigArgs(target: KubeTarget, section: ProxyConfigSection, pod: string, namespace: string): string[] {
  return ['proxy-config', PROXY_CONFIG_SUBCOMMAND[section], `${pod}.${namespace}`, '-o', 'json', ...kubeArgs(target)];
}

/**
 * `--namespace` as well as `pod.namespace`: describe prints names in its namespace bare and others
 * as `name.ns`, and its namespace is the `--namespace` flag (else the context's), not the pod's.
 * With both, a bare name always means the pod's namespace.
 */
export function describePodArgs(target: KubeTarget, pod: string, namespace: string): string[] {
  return ['x', 'describe', 'pod', `${pod}.${namespace}`, '--namespace', namespace, ...kubeArgs(target)];
}

/** `-f` once per file. The flag is a string slice parsed as CSV, so a path with a comma or quote is CSV-quoted. */
export function validateArgs(files: readonly string[]): string[] {
  return ['validate', ...files.flatMap((file) => ['-f', csvField(notStdin(file))])];
}

/** `--remote=false` asks for the client version only (the remote default waits for the cluster, for minutes if it is down). */
export function versionArgs(target: KubeTarget, remote: boolean): string[] {
  return ['version', '-o', 'json', ...(remote ? kubeArgs(target) : ['--remote=false'])];
}

/** After `--`; a file named `-` would be read as stdin, so it becomes `./-`. */
function fileOperands(files: readonly string[]): string[] {
  return files.length ? ['--', ...files.map(notStdin)] : [];
}

const notStdin = (file: string) => (file === '-' ? './-' : file);

/** pflag reads a string-slice value with Go's CSV reader: quote a field with a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
