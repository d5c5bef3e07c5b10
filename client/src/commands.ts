// The command table: every command declared in package.json, by id. Registered even when the
// server failed to start, so that "Restart" and "Show Output" always work.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CommandId } from '../../common/commands';
import type { RoutingPreview } from './routing-preview/panel';

export interface CommandContext {
  readonly client: () => LanguageClient | undefined;
  readonly output: vscode.OutputChannel;
  readonly restart: () => Promise<void>;
  readonly routingPreview: RoutingPreview;
}

export type CommandTable = Record<CommandId, (ctx: CommandContext) => (...args: unknown[]) => unknown>;

export const COMMANDS: CommandTable = {
  'istioYaml.restartServer': (ctx) => async () => {
    await ctx.restart();
    void vscode.window.setStatusBarMessage('Istio YAML language server restarted', 3000);
  },
  'istioYaml.showOutput': (ctx) => () => ctx.output.show(true),
  // The server's code lenses ("used by 3 routes") pass plain JSON; VS Code's references view wants its own types.
  'istioYaml.showReferences': () => (uri, position, locations) => showReferences(uri, position, locations),
  'istioYaml.showRoutingPreview': (ctx) => () => ctx.routingPreview.show(),
  // Not in the palette: the in-editor tests read what the preview drew (the webview's own report of its DOM).
  'istioYaml.routingPreview.state': (ctx) => () => ctx.routingPreview.testState(),
};

interface JsonPosition {
  readonly line: number;
  readonly character: number;
}

interface JsonLocation {
  readonly uri: string;
  readonly range: { readonly start: JsonPosition; readonly end: JsonPosition };
}

function toPosition(p: JsonPosition): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

function showReferences(uri: unknown, position: unknown, locations: unknown): Thenable<unknown> | undefined {
  if (typeof uri !== 'string' || !position || !Array.isArray(locations)) return undefined;
  const targets = (locations as JsonLocation[]).map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPosition(l.range.start), toPosition(l.range.end))));
  return vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), toPosition(position as JsonPosition), targets);
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx)));
}
