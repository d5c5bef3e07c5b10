// Activation: wiring only. The server is started without waiting for it, so activation stays instant;
// schemas are loaded by the server process, never in the extension host.
import * as vscode from 'vscode';
import { type ActivationTiming, bundleStarted } from './activation-timing';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { IstioctlFeature } from './istioctl-ui/feature';
import { trackIstioFiles } from './routing-preview/istio-context';
import { RoutingPreview } from './routing-preview/panel';
import { StatusBar } from './status-bar';

/** Every module of the bundle has been evaluated once this line runs (imports are evaluated first). */
const bundleEvaluated = performance.now();

let client: LanguageClient | undefined;

/**
 * vscode-languageclient is two thirds of the extension's code: it is bundled apart
 * (dist/language-client.js) and loaded when the server is started, after `activate` has returned,
 * so that activation does not pay for compiling and evaluating it.
 */
function loadLanguageClient(): typeof import('./language-client') {
  return require('./language-client') as typeof import('./language-client');
}

/** The extension's API: what `activate` returns. */
export interface IstioYamlApi {
  readonly activationTiming: ActivationTiming;
}

export function activate(context: vscode.ExtensionContext): IstioYamlApi {
  const activateStarted = performance.now();
  const output = vscode.window.createOutputChannel('Istio YAML');
  const status = new StatusBar();
  context.subscriptions.push(output, status);

  const start = async (): Promise<void> => {
    client = loadLanguageClient().createLanguageClient(context, output, status);
    try {
      await client.start();
    } catch (error) {
      status.set('failed');
      output.appendLine(`[client] the language server failed to start: ${String(error)}`);
      void vscode.window.showErrorMessage('The Istio YAML language server failed to start.', 'Show Output').then((c) => c && output.show(true));
    }
  };
  const restart = async (): Promise<void> => {
    const old = client;
    client = undefined;
    status.set('starting');
    if (old) await old.stop().catch(() => undefined);
    await start();
  };

  const routingPreview = new RoutingPreview(context.extensionUri, () => client, output);
  const istioctl = new IstioctlFeature();
  context.subscriptions.push(routingPreview, trackIstioFiles(), istioctl);
  context.subscriptions.push(...registerCommands({ client: () => client, output, restart, routingPreview, istioctl }));
  context.subscriptions.push({ dispose: () => void client?.stop() });
  // Started on the next turn of the event loop: loading the language client is not part of activation.
  setImmediate(() => void start());
  const activationTiming = { evaluationMs: bundleEvaluated - bundleStarted, activateMs: performance.now() - activateStarted };
  output.appendLine(`[client] activated in ${(activationTiming.evaluationMs + activationTiming.activateMs).toFixed(1)} ms (bundle ${activationTiming.evaluationMs.toFixed(1)} ms, activate ${activationTiming.activateMs.toFixed(1)} ms)`);
  return { activationTiming };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
