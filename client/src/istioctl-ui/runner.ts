// Runs istioctl for a command: finds it, refuses in untrusted workspaces, shows a cancellable
// progress notification, enforces the timeout, and writes the command line and output to the
// "istioctl" output channel. Interpreting the output is the caller's (client/src/istioctl/interpret.ts).
import * as vscode from 'vscode';
import { INSTALL_URL, locateIstioctl } from '../istioctl/locate';
import { formatCommandLine, runIstioctl } from '../istioctl/run';
import type { Failure, Located, RunResult } from '../istioctl/types';
import { readIstioctlSettings } from './settings';

export interface RunRequest {
  readonly args: readonly string[];
  /** For the progress notification and messages, e.g. "analyze 3 files". */
  readonly what: string;
  /** Overrides the timeout setting (the version check's remote call uses a shorter one). */
  readonly timeoutMs?: number;
  /** No progress notification (status-bar refreshes). */
  readonly quiet?: boolean;
}

/** Either istioctl ran (whatever its outcome), or it was not started, with the reason. */
export type RunOutcome = { readonly ran: true; readonly result: RunResult; readonly timeoutMs: number } | { readonly ran: false; readonly failure: Failure };

export class IstioctlRunner implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('istioctl');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after every run, so the status bar can show the last outcome. */
  readonly onDidRun = this.changed.event;

  locate(): Located {
    const env = { PATH: process.env.PATH, PATHEXT: process.env.PATHEXT, HOME: process.env.HOME };
    return locateIstioctl(readIstioctlSettings().path, env, process.platform);
  }

  async run(request: RunRequest): Promise<RunOutcome> {
    if (!vscode.workspace.isTrusted) {
      return { ran: false, failure: { kind: 'untrusted', message: 'istioctl is not run in an untrusted workspace: trust the workspace to analyze, validate or inspect the mesh with it.' } };
    }
    const located = this.locate();
    if (!located.found) return { ran: false, failure: { kind: 'missing', message: located.reason } };
    const settings = readIstioctlSettings();
    const timeoutMs = request.timeoutMs ?? settings.timeoutMs;
    this.output.appendLine(`$ ${formatCommandLine([located.path, ...request.args])}`);
    const execute = (signal?: AbortSignal) =>
      runIstioctl(located.path, request.args, {
        timeoutMs,
        signal,
        onOutput: (text) => this.output.append(text),
      });
    const result = request.quiet
      ? await execute()
      : await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `istioctl ${request.what}`, cancellable: true },
          (_progress, token) => {
            const abort = new AbortController();
            token.onCancellationRequested(() => abort.abort());
            return execute(abort.signal);
          },
        );
    const how = result.timedOut ? `timed out after ${timeoutMs / 1000} s` : result.cancelled ? 'cancelled' : result.spawnError ? `could not start: ${result.spawnError.message}` : `exit ${result.exitCode}`;
    this.output.appendLine(`[${how}, ${(result.durationMs / 1000).toFixed(1)} s]\n`);
    this.changed.fire();
    return { ran: true, result, timeoutMs };
  }

  dispose(): void {
    this.output.dispose();
    this.changed.dispose();
  }
}

/**
 * Tells the user what went wrong, with the buttons that fix it. Not awaited by commands: a test (or
 * a user) must not have to dismiss the message for the command to finish.
 */
export function showFailure(failure: Failure, output: vscode.OutputChannel): void {
  if (failure.kind === 'cancelled') {
    void vscode.window.setStatusBarMessage('istioctl: cancelled', 3000);
    return;
  }
  if (failure.detail) output.appendLine(`[${failure.kind}] ${failure.message}\n${failure.detail}\n`);
  const actions: Record<string, () => unknown> = {};
  if (!vscode.workspace.isTrusted) actions['Manage Workspace Trust'] = () => vscode.commands.executeCommand('workbench.trust.manage');
  else if (failure.kind === 'missing' || failure.kind === 'not-executable') {
    actions['Set istioctl Path'] = () => vscode.commands.executeCommand('workbench.action.openSettings', 'istioYaml.istioctl.path');
    actions['How to Install'] = () => vscode.env.openExternal(vscode.Uri.parse(INSTALL_URL));
  } else if (failure.kind === 'no-cluster' || failure.kind === 'no-kubeconfig') {
    actions['Select Kube Context'] = () => vscode.commands.executeCommand('istioYaml.kube.selectContext');
    actions['Show Output'] = () => output.show(true);
  } else if (failure.kind === 'timeout') {
    actions['Change Timeout'] = () => vscode.commands.executeCommand('workbench.action.openSettings', 'istioYaml.istioctl.timeoutSeconds');
    actions['Show Output'] = () => output.show(true);
  } else actions['Show Output'] = () => output.show(true);
  void vscode.window.showErrorMessage(failure.message, ...Object.keys(actions)).then((choice) => choice && actions[choice]());
}
