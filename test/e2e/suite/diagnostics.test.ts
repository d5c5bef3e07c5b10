// Diagnostics from the real language server, as VS Code shows them: codes, ranges, severities, source, docs links,
// silence on YAML that is not Istio, and updates as the document is edited or fixed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  codeOf,
  lineOf,
  openFile,
  ourDiagnostics,
  positionOf,
  revertActiveEditor,
  sleep,
  waitForDiagnostics,
  workspaceFile,
} from './editor-helpers';

const hasCode = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
const lacksCode = (code: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === code);

suite('Diagnostics', () => {
  teardown(async () => {
    // Tests edit routes.yaml in the editor; leave it as it is on disk for the next test.
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === workspaceFile('routes.yaml').toString());
    if (doc?.isDirty) {
      await vscode.window.showTextDocument(doc);
      await revertActiveEditor();
    }
  });

  test('routes.yaml: the misspelled field and the older apiVersion, with codes, lines, severities and source', async () => {
    const { document: doc } = await openFile('routes.yaml');
    const ds = await waitForDiagnostics(doc.uri, (all) => hasCode('IY002')(all) && hasCode('IY006')(all));
    const seen = ds
      .map((d) => `${d.range.start.line}:${codeOf(d)}:${vscode.DiagnosticSeverity[d.severity]}`)
      .sort();
    const expected = [
      `${lineOf(doc, 'apiVersion: networking.istio.io/v1alpha3')}:IY006:Information`,
      `${lineOf(doc, 'subsets: v2')}:IY002:Error`,
    ].sort();
    assert.deepStrictEqual(seen, expected);

    const typo = ds.find((d) => codeOf(d) === 'IY002')!;
    assert.strictEqual(doc.getText(typo.range), 'subsets', 'the range covers exactly the misspelled key');
    assert.match(typo.message, /unknown field 'subsets'; did you mean 'subset'\?/);
    assert.strictEqual(typo.source, 'istio-yaml');
    assert.ok(typeof typo.code === 'object' && /^https:\/\//.test(typo.code.target.toString()), 'the code links to its documentation');

    const older = ds.find((d) => codeOf(d) === 'IY006')!;
    assert.strictEqual(doc.getText(older.range), 'networking.istio.io/v1alpha3');
    assert.ok(older.tags?.includes(vscode.DiagnosticTag.Deprecated), 'an older apiVersion is tagged Deprecated');
  });

  test('policy.yaml: a mode in the wrong case is an invalid value (IY003)', async () => {
    const { document: doc } = await openFile('policy.yaml');
    const ds = await waitForDiagnostics(doc.uri, hasCode('IY003'));
    assert.strictEqual(ds.length, 1, ds.map((d) => d.message).join('\n'));
    assert.strictEqual(ds[0].range.start.line, lineOf(doc, 'mode: strict'));
    assert.strictEqual(ds[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(ds[0].message, /'strict' is not one of DISABLE, PERMISSIVE, STRICT/);
  });

  test('YAML that is not Istio (docker-compose.yml, a GitHub workflow) gets none of our diagnostics', async () => {
    const others = ['docker-compose.yml', '.github/workflows/ci.yml'];
    for (const file of others) await openFile(file);
    // policy.yaml is the witness that the server has processed this batch of opened files.
    const witness = await openFile('policy.yaml');
    await waitForDiagnostics(witness.document.uri, hasCode('IY003'));
    await sleep(1500);
    for (const file of others) {
      assert.deepStrictEqual(ourDiagnostics(workspaceFile(file)).map((d) => `${codeOf(d)} ${d.message}`), [], file);
    }
  });

  test('fixing the typo in the editor clears only that diagnostic; reverting brings it back', async () => {
    const editor = await openFile('routes.yaml');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, hasCode('IY002'));
    const key = positionOf(doc, 'subsets: v2');
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(key, key.translate(0, 'subsets'.length)), 'subset')));
    const after = await waitForDiagnostics(doc.uri, lacksCode('IY002'));
    assert.deepStrictEqual(after.map((d) => codeOf(d)), ['IY006']);
    await revertActiveEditor();
    await waitForDiagnostics(doc.uri, hasCode('IY002'));
  });

  test("the quick fix \"Rename to 'subset'\" is offered and applying it fixes the diagnostic", async () => {
    const { document: doc } = await openFile('routes.yaml');
    const ds = await waitForDiagnostics(doc.uri, hasCode('IY002'));
    const typo = ds.find((d) => codeOf(d) === 'IY002')!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, typo.range);
    const fix = actions.find((a) => a.title === "Rename to 'subset'") as vscode.CodeAction | undefined;
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ') || 'nothing'}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    assert.ok(fix.edit, 'the quick fix carries a workspace edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.lineAt(typo.range.start.line).text.trim(), 'subset: v2');
    await waitForDiagnostics(doc.uri, lacksCode('IY002'));
  });
});
