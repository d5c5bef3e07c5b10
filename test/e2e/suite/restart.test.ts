// "Istio: Restart Language Server" stops the server (its diagnostics are withdrawn) and starts a new one (they return);
// a server that dies is restarted by the client.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { codeOf, openFile, ourDiagnostics, revertActiveEditor, waitFor, waitForDiagnostics } from './editor-helpers';

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

suite('Crash recovery', () => {
  test('when the server process dies, the client restarts it and diagnostics follow edits again', async () => {
    const { document: doc } = await openFile('routes.yaml');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'IY002'));
    // The language client starts the server with --clientProcessId=<extension host pid>.
    const servers = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('dist/server.js') && line.includes(`--clientProcessId=${process.pid}`))
      .map((line) => Number(line.trim().split(/\s+/)[0]));
    assert.strictEqual(servers.length, 1, 'exactly one server process belongs to this extension host');
    process.kill(servers[0], 'SIGKILL');
    // A restarted server republishes after an edit; a dead one never would.
    const editor = vscode.window.activeTextEditor!;
    const line = doc.lineAt(doc.positionAt(doc.getText().indexOf('subsets: v2')).line);
    await waitFor('an edit to be applied', async () => ((await editor.edit((e) => e.replace(line.range, line.text.replace('subsets', 'subset')))) ? true : undefined));
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'IY002') && ds.some((d) => codeOf(d) === 'IY006'));
    await revertActiveEditor();
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'IY002'));
  });
});
