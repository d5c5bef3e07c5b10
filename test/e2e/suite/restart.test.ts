// "Istio: Restart Language Server" stops the server (its diagnostics are withdrawn) and starts a new one (they return).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, openFile, ourDiagnostics, waitForDiagnostics } from './editor-helpers';

suite('Restart', () => {
  test('the restart command restarts the server and diagnostics come back', async () => {
    const { document: doc } = await openFile('routes.yaml');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'IY002'));
    let withdrawn = false;
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString()) && ourDiagnostics(doc.uri).length === 0) withdrawn = true;
    });
    try {
      await vscode.commands.executeCommand('istioYaml.restartServer');
      const back = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'IY002'));
      assert.ok(withdrawn, 'the old server\'s diagnostics were withdrawn when it stopped');
      assert.deepStrictEqual(back.map((d) => codeOf(d)).sort(), ['IY002', 'IY006']);
    } finally {
      listener.dispose();
    }
  });
});
