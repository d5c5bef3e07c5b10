// The routing preview in real VS Code, drawn from the real server's graph: it opens beside the editor,
// draws the open file's routes, and redraws after an unsaved edit. What was drawn is the webview's own
// report of its DOM (node and edge labels), read through the hidden `istioYaml.routingPreview.state` command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFile, positionOf, revertActiveEditor, waitFor } from './editor-helpers';

interface PreviewState {
  open: boolean;
  visible: boolean;
  renders: number;
  rendered?: { nodes: number; edges: number; labels: string[]; edgeLabels: string[]; broken: number };
  lastEditToRenderMs?: number;
}

function previewState(): Thenable<PreviewState> {
  return vscode.commands.executeCommand<PreviewState>('istioYaml.routingPreview.state');
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('istioYaml.routingPreview'));
}

suite('Routing preview', () => {
  suiteTeardown(async () => {
    await vscode.window.tabGroups.close(previewTabs());
  });

  test('opens beside canary.yaml, draws its weighted routes, and redraws after an unsaved edit', async () => {
    const editor = await openFile('canary.yaml');
    await vscode.commands.executeCommand('istioYaml.showRoutingPreview');
    const first = await waitFor('the preview to draw the 90/10 canary', async () => {
      const s = await previewState();
      return s.rendered && s.rendered.edgeLabels.some((l) => l.includes('90%')) ? s : undefined;
    });
    assert.strictEqual(previewTabs().length, 1, 'one preview tab');
    assert.notStrictEqual(previewTabs()[0].group.viewColumn, editor.viewColumn, 'the preview opens beside the editor');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the editor keeps the focus');
    const labels = first.rendered?.labels ?? [];
    assert.ok(labels.some((l) => l.includes('ratings')), `labels: ${labels.join(' | ')}`);
    assert.ok(first.rendered?.edgeLabels.some((l) => l.includes('10%')), `edge labels: ${first.rendered?.edgeLabels.join(' | ')}`);

    const doc = editor.document;
    const line90 = doc.lineAt(positionOf(doc, 'weight: 90').line);
    const line10 = doc.lineAt(positionOf(doc, 'weight: 10').line);
    await editor.edit((b) => {
      b.replace(line90.range, line90.text.replace('90', '75'));
      b.replace(line10.range, line10.text.replace('10', '25'));
    });
    const after = await waitFor('the preview to show the edited weights', async () => {
      const s = await previewState();
      return s.renders > first.renders && s.rendered?.edgeLabels.some((l) => l.includes('75%')) ? s : undefined;
    });
    assert.ok(after.rendered?.edgeLabels.some((l) => l.includes('25%')));
    assert.ok(!after.rendered?.edgeLabels.some((l) => l.includes('90%')), 'the old weight is gone');
    console.log(`routing preview: edit → redraw in ${after.lastEditToRenderMs} ms`);
    await revertActiveEditor();
  });
});
