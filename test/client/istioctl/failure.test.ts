// classifyFailure on the error texts istioctl 1.31.1 really prints (recorded), and on runs that
// did not start, timed out or were cancelled.
import { describe, expect, test } from 'vitest';
import { classifyFailure, describeTarget } from '../../../client/src/istioctl/failure';
import type { RunResult } from '../../../client/src/istioctl/types';
import { recording } from './recordings';

const target = { kubeconfig: '/home/me/.kube/dev', context: 'dev' };
const classify = (name: string, what = 'x describe pod') => classifyFailure(recording(name), { timeoutMs: 60_000, target, what });
const run = (over: Partial<RunResult>): RunResult => ({ command: ['/usr/local/bin/istioctl', 'version'], exitCode: 1, stdout: '', stderr: '', timedOut: false, cancelled: false, durationMs: 5, ...over });

describe('cluster errors, as recorded', () => {
  test.each([
    ['analyze-cluster-refused', 'no-cluster', 'istioctl could not reach the cluster at https://127.0.0.1:1 (context "dev" of kubeconfig /home/me/.kube/dev): connection refused.'],
    ['describe-refused', 'no-cluster', 'at https://127.0.0.1:1 (context "dev" of kubeconfig /home/me/.kube/dev): connection refused.'],
    ['proxy-config-refused', 'no-cluster', 'connection refused'],
    ['describe-no-such-host', 'no-cluster', 'at https://no-such-host.invalid:6443 (context "dev" of kubeconfig /home/me/.kube/dev): the host name does not resolve.'],
    ['describe-no-answer', 'no-cluster', 'the API server did not answer in time'],
    ['analyze-cluster-no-kubeconfig', 'no-kubeconfig', 'istioctl found no kubeconfig (it tried the default API server http://localhost:8080)'],
    ['proxy-config-no-kubeconfig', 'no-kubeconfig', 'found no kubeconfig'],
    ['describe-context-missing', 'no-kubeconfig', 'The kube context "staging" does not exist in kubeconfig /home/me/.kube/dev.'],
    ['describe-kubeconfig-flag-missing', 'no-kubeconfig', 'istioctl could not load kubeconfig /home/me/.kube/dev: failed to setup client: stat /nonexistent/kubeconfig: no such file or directory.'],
    ['describe-kubeconfig-garbage', 'no-kubeconfig', 'error loading config file'],
    ['analyze-cluster-unauthorized', 'no-kubeconfig', 'The cluster rejected the credentials of context "dev" of kubeconfig /home/me/.kube/dev.'],
    ['describe-unauthorized-plain', 'no-kubeconfig', 'rejected the credentials'],
    ['proxy-config-unauthorized', 'no-kubeconfig', 'rejected the credentials'],
    ['describe-not-found', 'exit', 'istioctl x describe pod exited with code 1: pods "productpage-v9-0000000000-xxxxx" not found'],
    ['describe-forbidden', 'exit', 'exited with code 1: pods "reviews-v2-5b7c9f8d6-x4k2p" is forbidden: User "jane" cannot get resource "pods"'],
    ['proxy-config-not-found', 'exit', 'pods "productpage-v9-0000000000-xxxxx" not found in the "bookinfo" namespace'],
  ])('%s: %s', (name, kind, words) => {
    const failure = classify(name);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toContain(words);
    expect(failure.detail).toBe(recording(name).stderr.trim());
  });

  test('a cluster command that hangs until the time limit: timeout, the setting, and the unreachable cluster', () => {
    const failure = classifyFailure(recording('proxy-status-dead-cluster'), { timeoutMs: 60_000, target, what: 'proxy-status' });
    expect(failure).toEqual({
      kind: 'timeout',
      message:
        'istioctl proxy-status did not finish within 60 s and was stopped (istioYaml.istioctl.timeoutSeconds). The cluster may be unreachable: istioctl keeps retrying when it cannot reach context "dev" of kubeconfig /home/me/.kube/dev. Check that the cluster is up, or pick another context (Istio: Select Kube Context…).',
    });
    const withLogs = classifyFailure(recording('proxy-status-no-istio'), { timeoutMs: 8_000, target: {}, what: 'proxy-status' });
    expect(withLogs.kind).toBe('timeout');
    expect(withLogs.message).toContain('within 8 s');
    expect(withLogs.message).toContain('the current context of the default kubeconfig');
    expect(withLogs.detail).toMatch(/watch error in cluster/);
  });
});

describe('runs that did not get that far', () => {
  test('not found, not executable, cancelled, a file command timing out', () => {
    expect(classifyFailure(run({ exitCode: null, spawnError: { code: 'ENOENT', message: 'spawn /usr/local/bin/istioctl ENOENT' } }), { timeoutMs: 1000, what: 'version' })).toEqual({
      kind: 'missing',
      message: 'istioctl could not be started: /usr/local/bin/istioctl does not exist. Set istioYaml.istioctl.path, or install istioctl: https://istio.io/latest/docs/setup/getting-started/#download',
    });
    expect(classifyFailure(run({ exitCode: null, spawnError: { code: 'EACCES', message: 'spawn EACCES' } }), { timeoutMs: 1000, what: 'version' }).kind).toBe('not-executable');
    expect(classifyFailure(run({ exitCode: null, cancelled: true, signal: 'SIGTERM' }), { timeoutMs: 1000, what: 'analyze' })).toEqual({ kind: 'cancelled', message: 'istioctl analyze was cancelled.' });
    const timeout = classifyFailure(run({ exitCode: null, timedOut: true, stdout: 'partial' }), { timeoutMs: 1500, what: 'analyze' });
    expect(timeout).toEqual({ kind: 'timeout', message: 'istioctl analyze did not finish within 1.5 s and was stopped (istioYaml.istioctl.timeoutSeconds).', detail: 'partial' });
  });

  test('another exit: the Error: line, else the first line; a signal we did not send', () => {
    expect(classifyFailure(run({ exitCode: 64, stderr: 'Usage: ...\nError: unknown flag: --bogus\n' }), { timeoutMs: 1000, what: 'analyze' }).message).toBe('istioctl analyze exited with code 64: unknown flag: --bogus');
    expect(classifyFailure(run({ exitCode: 2, stdout: 'panic: oops\n' }), { timeoutMs: 1000, what: 'analyze' })).toEqual({ kind: 'exit', message: 'istioctl analyze exited with code 2: panic: oops', detail: 'panic: oops' });
    expect(classifyFailure(run({ exitCode: null, signal: 'SIGSEGV' }), { timeoutMs: 1000, what: 'version' }).message).toBe('istioctl version was stopped by SIGSEGV.');
  });

  test('describeTarget', () => {
    expect(describeTarget({})).toBe('the current context of the default kubeconfig (KUBECONFIG or ~/.kube/config)');
    expect(describeTarget({ context: 'kind-dev' })).toBe('context "kind-dev" of the default kubeconfig (KUBECONFIG or ~/.kube/config)');
  });
});
