// Cross-file intelligence through VS Code's own commands, answered by the real server: go to
// definition, rename across files, and a quick fix that depends on another file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, openFile, positionOf, revertActiveEditor, waitFor, waitForDiagnostics, workspaceFile } from './editor-helpers';

async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await revertActiveEditor();
  }
}

suite('Navigation and cross-file fixes', () => {
  teardown(revertAll);

  test('go to definition on a gateway name opens the Gateway in gateway.yaml', async () => {
    const { document: doc } = await openFile('canary.yaml');
    const onGateway = positionOf(doc, '- bookinfo-gateway', 4);
    const locations = await waitFor('a definition', async () => {
      const ls = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, onGateway);
      return ls?.length ? ls : undefined;
    });
    assert.strictEqual(locations.length, 1);
    const target = 'targetUri' in locations[0] ? { uri: locations[0].targetUri, range: locations[0].targetRange } : locations[0];
    assert.strictEqual(target.uri.toString(), workspaceFile('gateway.yaml').toString());
    const gateway = await vscode.workspace.openTextDocument(target.uri);
    assert.strictEqual(gateway.getText(target.range), 'bookinfo-gateway');
    assert.strictEqual(target.range.start.line, positionOf(gateway, 'name: bookinfo-gateway').line);
  });

  test('renaming a subset in the DestinationRule renames the route that uses it, in another file', async () => {
    const { document: dr } = await openFile('ratings-destination-rule.yaml');
    const onSubset = positionOf(dr, 'name: v2', 7);
    const edit = await waitFor('a rename edit', async () => {
      const e = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', dr.uri, onSubset, 'canary');
      return e && e.size ? e : undefined;
    });
    const files = edit.entries().map(([uri]) => uri.toString()).sort();
    assert.deepStrictEqual(files, [workspaceFile('canary.yaml').toString(), workspaceFile('ratings-destination-rule.yaml').toString()].sort());
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const routes = await vscode.workspace.openTextDocument(workspaceFile('canary.yaml'));
    assert.match(routes.getText(), /subset: canary\n\s+weight: 10/);
    assert.match(dr.getText(), /- name: canary\n/);
    assert.doesNotMatch(routes.getText(), /subset: v2/);
  });

  test('a misspelled gateway gets an error and its quick fix names the existing Gateway', async () => {
    const { document: doc } = await openFile('canary.yaml');
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.replace(doc.lineAt(positionOf(doc, '- bookinfo-gateway').line).range, '  - bookinfo-gatway'));
    const ds = await waitForDiagnostics(doc.uri, (all) => all.some((d) => codeOf(d) === 'IY901'));
    const typo = ds.find((d) => codeOf(d) === 'IY901')!;
    assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(doc.getText(typo.range), 'bookinfo-gatway');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, typo.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Change to 'bookinfo-gateway'");
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.isPreferred, 'the closest name is the preferred fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.lineAt(typo.range.start.line).text, '  - bookinfo-gateway');
    await waitForDiagnostics(doc.uri, (all) => !all.some((d) => codeOf(d) === 'IY901'));
  });
});
