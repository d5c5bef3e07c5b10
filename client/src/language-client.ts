// Starts, stops and restarts the bundled language server, and tells the user when it died.
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { IndexedNotification } from '../../common/protocol';
import { readSettings } from './config';
import type { StatusBar } from './status-bar';

/** Restarts allowed within RESTART_WINDOW_MS before we give up and tell the user. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];

  constructor(private readonly output: vscode.OutputChannel) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      const message = `The Istio YAML language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. Run "Istio: Restart Language Server" after checking its output.`;
      return { action: CloseAction.DoNotRestart, message };
    }
    this.restarts.push(now);
    this.output.appendLine(`[client] the server stopped unexpectedly; restarting it (${this.restarts.length}/${MAX_RESTARTS})`);
    void vscode.window.showWarningMessage('The Istio YAML language server stopped unexpectedly and was restarted.', 'Show Output').then((choice) => {
      if (choice) this.output.show(true);
    });
    return { action: CloseAction.Restart, handled: true };
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, status: StatusBar): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
    initializationOptions: { settings: readSettings() },
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
  };
  const client = new LanguageClient('istioYaml', 'Istio YAML', serverOptions, clientOptions);
  client.onDidChangeState(({ newState }) => {
    status.set(newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped');
  });
  client.onNotification(IndexedNotification.method, (p: IndexedNotification.Params) => status.setIndexed(p.files, p.istioResources));
  return client;
}
