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
