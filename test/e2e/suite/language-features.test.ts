// Completion, hover and document symbols through VS Code's own provider commands, answered by the real server.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, openFile, positionOf, waitFor } from './editor-helpers';

const VIRTUAL_SERVICE_WITH_EMPTY_SPEC = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: completion-probe
spec:
  
`;

suite('Language features', () => {
  test('completion inside a VirtualService spec offers its schema keys (hosts, http)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: VIRTUAL_SERVICE_WITH_EMPTY_SPEC });
    await vscode.window.showTextDocument(doc);
    try {
      const cursor = positionOf(doc, 'spec:\n  ', 'spec:\n  '.length);
      // The first request can race the server's start; ask again until it answers with keys.
      const labels = await waitFor('completion items', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, cursor);
        const ls = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        return ls.includes('hosts') ? ls : undefined;
      });
      assert.ok(labels.includes('http'), `labels: ${labels.join(', ')}`);
      assert.ok(!labels.includes('subset'), 'keys of nested objects are not offered at the spec level');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('hover on a field shows its schema description as Markdown', async () => {
    const { document: doc } = await openFile('routes.yaml');
    const onTimeout = positionOf(doc, 'timeout: 10s', 2);
    const hovers = await waitFor('a hover', async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, onTimeout);
      return hs.length ? hs : undefined;
    });
    assert.match(hoverText(hovers), /Timeout for HTTP requests/);
    assert.ok(hovers.some((h) => h.contents.some((c) => c instanceof vscode.MarkdownString)), 'the hover is Markdown');
  });

  test('document symbols list each resource of the file by kind and name', async () => {
    const { document: doc } = await openFile('routes.yaml');
    const symbols = await waitFor('document symbols', async () => {
      const ss = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return ss?.length ? ss : undefined;
    });
    const describe = (s: vscode.DocumentSymbol) => `${s.name} ${s.detail}`;
    assert.strictEqual(symbols.length, 2, symbols.map(describe).join(' | '));
    const vs = symbols.find((s) => /VirtualService/.test(describe(s)) && /reviews/.test(describe(s)));
    const dr = symbols.find((s) => /DestinationRule/.test(describe(s)) && /reviews/.test(describe(s)));
    assert.ok(vs && dr, symbols.map(describe).join(' | '));
    assert.ok(vs.range.contains(positionOf(doc, 'kind: VirtualService')), 'the VirtualService symbol spans its document');
    assert.ok(dr.range.contains(positionOf(doc, 'kind: DestinationRule')), 'the DestinationRule symbol spans its document');
  });
});
