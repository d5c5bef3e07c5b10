// Why an istioctl run gave no usable answer, in words an operator can act on. The patterns are
// the texts istioctl 1.31 really prints (recorded in test/fixtures/istioctl-output/).
import { INSTALL_URL, SETTING as PATH_SETTING } from './locate';
import type { Failure, KubeTarget, RunResult } from './types';

export const TIMEOUT_SETTING = 'istioYaml.istioctl.timeoutSeconds';
export const KUBECONFIG_SETTING = 'istioYaml.kube.kubeconfig';
export const CONTEXT_SETTING = 'istioYaml.kube.context';
const PICK_CONTEXT = 'Istio: Select Kube Context…';

export interface FailureContext {
  readonly timeoutMs: number;
  /** Set for cluster commands: named in the message, and a timeout is then likely an unreachable cluster. */
  readonly target?: KubeTarget;
  /** The subcommand, as in "istioctl <what> exited with code 1". */
  readonly what: string;
}

/** Network failures on the way to the API server, with the short reason shown for each. */
const UNREACHABLE: readonly [RegExp, string][] = [
  [/connection refused/i, 'connection refused'],
  [/no such host/i, 'the host name does not resolve'],
  [/i\/o timeout/i, 'the connection timed out'],
  [/Client\.Timeout exceeded|context deadline exceeded|request canceled/i, 'the API server did not answer in time'],
  [/TLS handshake timeout/i, 'the TLS handshake timed out'],
  [/connection reset by peer/i, 'the connection was reset'],
  [/no route to host|network is unreachable/i, 'there is no network route to it'],
  [/x509: |certificate signed by unknown authority|tls: failed to verify/i, "its TLS certificate could not be verified"],
  [/Unable to connect to the server/i, 'it could not be reached'],
  [/dial tcp/i, 'the connection failed'],
];

export function classifyFailure(result: RunResult, ctx: FailureContext): Failure {
  const detail = (result.stderr.trim() || result.stdout.trim()) || undefined;
  const withDetail = (kind: Failure['kind'], message: string): Failure => ({ kind, message, ...(detail ? { detail } : {}) });
  const executable = result.command[0] ?? 'istioctl';

  if (result.spawnError) {
    const code = result.spawnError.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return withDetail('missing', `istioctl could not be started: ${executable} does not exist. Set ${PATH_SETTING}, or install istioctl: ${INSTALL_URL}`);
    }
    return withDetail('not-executable', `istioctl could not be started: ${executable} is not an executable program (${code ?? result.spawnError.message}). Check its permissions (chmod +x) or set ${PATH_SETTING} to another istioctl.`);
  }
  if (result.cancelled) return withDetail('cancelled', `istioctl ${ctx.what} was cancelled.`);
  if (result.timedOut) {
    const limit = `${Math.round(ctx.timeoutMs / 100) / 10} s`;
    const cluster = ctx.target
      ? ` The cluster may be unreachable: istioctl keeps retrying when it cannot reach ${describeTarget(ctx.target)}. Check that the cluster is up, or pick another context (${PICK_CONTEXT}).`
      : '';
    return withDetail('timeout', `istioctl ${ctx.what} did not finish within ${limit} and was stopped (${TIMEOUT_SETTING}).${cluster}`);
  }

  const text = `${result.stderr}\n${result.stdout}`;
  const target = ctx.target ?? {};
  let m: RegExpExecArray | null;
  if ((m = /context "([^"]*)" does not exist/.exec(text))) {
    return withDetail('no-kubeconfig', `The kube context "${m[1]}" does not exist in ${kubeconfigOf(target)}. Pick a context (${PICK_CONTEXT}) or fix ${CONTEXT_SETTING}.`);
  }
  if (/no configuration has been provided|invalid configuration:|error loading config file|failed to setup client: stat /.test(text)) {
    return withDetail('no-kubeconfig', `istioctl could not load ${kubeconfigOf(target)}: ${firstErrorLine(result)}. Fix ${KUBECONFIG_SETTING} or KUBECONFIG.`);
  }
  // With no kubeconfig at all, client-go falls back to an API server on localhost:8080.
  if (/"http:\/\/localhost:8080\//.test(text) && UNREACHABLE.some(([p]) => p.test(text))) {
    return withDetail('no-kubeconfig', `istioctl found no kubeconfig (it tried the default API server http://localhost:8080). Set ${KUBECONFIG_SETTING} or KUBECONFIG, or create ~/.kube/config.`);
  }
  if (/the server has asked for the client to provide credentials|(^|: )Unauthorized( in the "[^"]*" namespace)?\s*$|You must be logged in to the server/m.test(text)) {
    return withDetail('no-kubeconfig', `The cluster rejected the credentials of ${describeTarget(target)}. Log in again (refresh the token in the kubeconfig) and retry.`);
  }
  const unreachable = UNREACHABLE.find(([p]) => p.test(text));
  if (unreachable) {
    const server = /(?:Get|Post|Put) "(https?:\/\/[^/"]+)/.exec(text)?.[1];
    return withDetail('no-cluster', `istioctl could not reach the cluster${server ? ` at ${server}` : ''} (${describeTarget(target)}): ${unreachable[1]}. Check that the cluster is up and the context is right (${PICK_CONTEXT}).`);
  }
  const how = result.exitCode !== null ? `exited with code ${result.exitCode}` : `was stopped by ${result.signal ?? 'a signal'}`;
  const line = firstErrorLine(result);
  return withDetail('exit', `istioctl ${ctx.what} ${how}${line ? `: ${line}` : '.'}`);
}

/** `the current context of the default kubeconfig`, `context "dev" of /home/me/.kube/dev`, ... */
export function describeTarget(target: KubeTarget): string {
  const context = target.context ? `context "${target.context}"` : 'the current context';
  return `${context} of ${kubeconfigOf(target)}`;
}

const kubeconfigOf = (target: KubeTarget) => (target.kubeconfig ? `kubeconfig ${target.kubeconfig}` : 'the default kubeconfig (KUBECONFIG or ~/.kube/config)');

/** The `Error: ...` line istioctl ends with (cobra prints it), else the first non-empty line. */
function firstErrorLine(result: RunResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split(/\r?\n/).map((l) => l.trim());
  const error = lines.find((l) => l.startsWith('Error: '));
  return (error ? error.slice('Error: '.length) : lines.find(Boolean)) ?? '';
}
