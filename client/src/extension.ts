// Activation: wiring only. The server is started without waiting for it, so activation stays instant;
// schemas are loaded by the server process, never in the extension host.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { IstioctlFeature } from './istioctl-ui/feature';
import { createLanguageClient } from './language-client';
import { trackIstioFiles } from './routing-preview/istio-context';
import { RoutingPreview } from './routing-preview/panel';
import { StatusBar } from './status-bar';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Istio YAML');
  const status = new StatusBar();
  context.subscriptions.push(output, status);

  const start = async (): Promise<void> => {
    client = createLanguageClient(context, output, status);
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
  void start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
