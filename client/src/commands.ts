// The command table: every command declared in package.json, by id. Registered even when the
// server failed to start, so that "Restart" and "Show Output" always work.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CommandId } from '../../common/commands';

export interface CommandContext {
  readonly client: () => LanguageClient | undefined;
  readonly output: vscode.OutputChannel;
  readonly restart: () => Promise<void>;
}

export type CommandTable = Record<CommandId, (ctx: CommandContext) => (...args: unknown[]) => unknown>;

export const COMMANDS: CommandTable = {
  'istioYaml.restartServer': (ctx) => async () => {
    await ctx.restart();
    void vscode.window.setStatusBarMessage('Istio YAML language server restarted', 3000);
  },
  'istioYaml.showOutput': (ctx) => () => ctx.output.show(true),
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx)));
}
