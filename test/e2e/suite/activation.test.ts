// The extension activates by itself in a workspace with YAML files, and registers every command it declares.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './editor-helpers';

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
}

suite('Activation', () => {
  test('activates for a workspace containing YAML, before any file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded as the development extension`);
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
  });

  test('reports how long activation took', async () => {
    const ext = vscode.extensions.getExtension<{ activationTiming?: { evaluationMs: number; activateMs: number } }>(EXTENSION_ID);
    const timing = (await ext?.activate())?.activationTiming;
    assert.ok(timing, 'activate returned no activationTiming');
    for (const ms of [timing.evaluationMs, timing.activateMs]) assert.ok(Number.isFinite(ms) && ms >= 0, `not a duration: ${JSON.stringify(timing)}`);
    // A measurement, not a timed assertion: the benchmark's README reports it against its 50 ms budget.
    console.log(`activation: ${(timing.evaluationMs + timing.activateMs).toFixed(1)} ms (bundle evaluation ${timing.evaluationMs.toFixed(1)} ms, activate ${timing.activateMs.toFixed(1)} ms)`);
  });

  test('every command in package.json is registered, in the "Istio" category', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const declared: CommandContribution[] = ext?.packageJSON.contributes.commands ?? [];
    const ids = declared.map((c) => c.command);
    assert.ok(ids.includes('istioYaml.restartServer') && ids.includes('istioYaml.showOutput'), `declared: ${ids.join(', ')}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(ids.filter((id) => !registered.has(id)), [], 'declared but not registered');
    assert.deepStrictEqual(declared.filter((c) => c.category !== 'Istio').map((c) => c.command), [], 'commands outside the Istio category');
  });

  test('"Show Language Server Output" runs without an error', async () => {
    await vscode.commands.executeCommand('istioYaml.showOutput');
  });
});
