// One istioctl run from a command: run, interpret the output, and show the failure (with its fix)
// when there is one. Every command goes through here, so failures read the same everywhere.
import type { Outcome } from '../istioctl/interpret';
import type { Failure, KubeTarget, RunResult } from '../istioctl/types';
import { type KubeState, readKubeState } from './kube-context';
import { type IstioctlRunner, type RunRequest, showFailure } from './runner';

export interface InterpretContext {
  readonly timeoutMs: number;
  readonly target: KubeTarget;
  readonly what: string;
}

export type Interpreter<T> = (result: RunResult, ctx: InterpretContext) => Outcome<T>;

/**
 * Without any kubeconfig, istioctl (client-go) falls back to http://localhost:8080 and reports that
 * connection as refused (and a --kubeconfig that does not exist fails to "set up the client"); the
 * useful message is that there is no kubeconfig.
 */
function withoutKubeconfig(failure: Failure, kube: KubeState): Failure {
  const aboutKubeconfig = failure.kind === 'no-cluster' || failure.kind === 'no-kubeconfig' || /failed to setup client/.test(failure.detail ?? '');
  if (!aboutKubeconfig || kube.existing.length > 0) return failure;
  const where = kube.paths.join(', ') || '~/.kube/config';
  return { ...failure, kind: 'no-kubeconfig', message: `No kubeconfig found (looked for ${where}): istioctl needs one to reach a cluster. Set istioYaml.kube.kubeconfig, or KUBECONFIG, to your cluster's kubeconfig.` };
}

export async function runAndInterpret<T>(runner: IstioctlRunner, request: RunRequest, interpret: Interpreter<T>): Promise<{ ok: true; value: T } | { ok: false; failure: Failure }> {
  const outcome = await runner.run(request);
  if (!outcome.ran) {
    showFailure(outcome.failure, runner.output);
    return { ok: false, failure: outcome.failure };
  }
  const kube = readKubeState();
  // Messages name the context and kubeconfig actually used, not just what the settings say.
  const target = { kubeconfig: kube.target.kubeconfig ?? kube.existing[0], context: kube.context };
  const interpreted = interpret(outcome.result, { timeoutMs: outcome.timeoutMs, target, what: request.what });
  if (!interpreted.ok) {
    const failure = withoutKubeconfig(interpreted.failure, kube);
    showFailure(failure, runner.output);
    return { ok: false, failure };
  }
  return { ok: true, value: interpreted.value };
}
