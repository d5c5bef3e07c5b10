// The command table: every command declared in package.json, by id. Registered even when the
// server failed to start, so that "Restart" and "Show Output" always work.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CommandId } from '../../common/commands';
import { checkVersion } from './istioctl-ui/version-check';
import type { IstioctlFeature } from './istioctl-ui/feature';
import { selectContext } from './istioctl-ui/kube-context';
import { validateFile } from './istioctl-ui/validate-command';
import type { RoutingPreview } from './routing-preview/panel';

export interface CommandContext {
  readonly client: () => LanguageClient | undefined;
  readonly output: vscode.OutputChannel;
  readonly restart: () => Promise<void>;
  readonly routingPreview: RoutingPreview;
  readonly istioctl: IstioctlFeature;
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
  // istioctl. Each returns its outcome ({ ok, ... } or { ok: false, failure }) for scripts and the in-editor tests.
  'istioYaml.istioctl.analyzeFiles': (ctx) => (clicked, selected) => ctx.istioctl.analyze.analyzeFiles(clicked, selected),
  'istioYaml.istioctl.analyzeWorkspace': (ctx) => () => ctx.istioctl.analyze.analyzeWorkspace(),
  // An argument ({ namespace } or { allNamespaces: true }) skips the namespace picker.
  'istioYaml.istioctl.analyzeCluster': (ctx) => (scope) => ctx.istioctl.analyze.analyzeCluster(asScope(scope)),
  'istioYaml.istioctl.analyzeWorkspaceAgainstCluster': (ctx) => (scope) => ctx.istioctl.analyze.analyzeCluster(asScope(scope), true),
  'istioYaml.istioctl.clearProblems': (ctx) => () => ctx.istioctl.problems.clear(),
  'istioYaml.istioctl.validateFile': (ctx) => (clicked) => validateFile(ctx.istioctl.runner, ctx.istioctl.problems, clicked),
  'istioYaml.istioctl.proxyStatus': (ctx) => () => ctx.istioctl.cluster.proxyStatus(),
  // From the tree: the proxy's node; from a script: { pod, namespace } and a section.
  'istioYaml.istioctl.proxyConfig': (ctx) => (target, section) => ctx.istioctl.cluster.proxyConfig(target, section),
  'istioYaml.istioctl.describePod': (ctx) => (target) => ctx.istioctl.cluster.describePod(target),
  'istioYaml.istioctl.checkVersion': (ctx) => () => checkVersion(ctx.istioctl.runner, ctx.istioctl.status),
  'istioYaml.istioctl.showOutput': (ctx) => () => ctx.istioctl.runner.output.show(true),
  'istioYaml.kube.selectContext': () => () => selectContext(),
  // Not in the palette: what the in-editor tests read.
  'istioYaml.istioctl.testState': (ctx) => () => ctx.istioctl.testState(),
};

function asScope(value: unknown): { namespace: string } | { allNamespaces: true } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { namespace?: unknown; allNamespaces?: unknown };
  if (v.allNamespaces === true) return { allNamespaces: true };
  return typeof v.namespace === 'string' && v.namespace ? { namespace: v.namespace } : undefined;
}

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
