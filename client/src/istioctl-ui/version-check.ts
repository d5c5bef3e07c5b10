// "Check istioctl version": istioctl's own version at once, then the control plane's. A mismatched
// istioctl gives misleading proxy-status and analyze results, so a difference is a warning.
import * as vscode from 'vscode';
import { versionArgs } from '../istioctl/args';
import { interpretVersion } from '../istioctl/interpret';
import { versionVerdict } from '../istioctl/output/version';
import type { VersionInfo, VersionVerdict } from '../istioctl/types';
import { readKubeState } from './kube-context';
import type { KubeStatusBar } from './kube-status-bar';
import { type CommandOutcome, failed } from './outcome';
import { runAndInterpret } from './run-and-interpret';
import { type IstioctlRunner, showFailure } from './runner';
import { readIstioctlSettings } from './settings';

/** The control plane's answer is capped: istioctl retries for minutes when the cluster is unreachable. */
const REMOTE_TIMEOUT_CAP_MS = 30_000;

export async function checkVersion(runner: IstioctlRunner, status: KubeStatusBar): Promise<CommandOutcome<{ readonly info: VersionInfo; readonly verdict: VersionVerdict }>> {
  const kube = readKubeState();
  const local = await runAndInterpret(runner, { args: versionArgs(kube.target, false), what: 'version (client)', quiet: true }, interpretVersion);
  if (!local.ok) return local;
  const located = runner.locate();
  if (located.found && local.value.client) status.rememberVersion(located.path, local.value.client);
  const context = kube.context ?? 'the current context';
  const timeoutMs = Math.min(readIstioctlSettings().timeoutMs, REMOTE_TIMEOUT_CAP_MS);
  const remote = await runner.run({ args: versionArgs(kube.target, true), what: `version (control plane in ${context})`, timeoutMs });
  if (!remote.ran) {
    showFailure(remote.failure, runner.output);
    return failed(remote.failure);
  }
  if (remote.result.timedOut) {
    const message = `istioctl ${local.value.client ?? ''} works, but the control plane in ${context} did not answer within ${timeoutMs / 1000} s: is the cluster reachable and Istio installed? (Select another kube context from the status bar.)`;
    void vscode.window.showWarningMessage(message, 'Select Kube Context').then((c) => c && vscode.commands.executeCommand('istioYaml.kube.selectContext'));
    return failed({ kind: 'timeout', message });
  }
  const interpreted = interpretVersion(remote.result, { timeoutMs, target: kube.target, what: 'version' });
  if (!interpreted.ok) {
    showFailure(interpreted.failure, runner.output);
    return failed(interpreted.failure);
  }
  const verdict = versionVerdict(interpreted.value);
  if (verdict.ok) void vscode.window.showInformationMessage(verdict.message);
  else void vscode.window.showWarningMessage(verdict.message, 'Show Output').then((c) => c && runner.output.show(true));
  return { ok: true, info: interpreted.value, verdict };
}
