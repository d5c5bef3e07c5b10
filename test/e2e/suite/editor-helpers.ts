// Helpers shared by the in-editor tests: the workspace's files, our diagnostics, polling, text-anchored positions.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'istio-yaml.istio-yaml';
export const SOURCE = 'istio-yaml';

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the workspace folder test/e2e/workspace to be open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openFile(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(doc);
}

/** Our diagnostics only: other extensions (or none) may report on the same files. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Polls until `probe` returns something other than undefined; fails with `what` after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the file has our diagnostics and returns them (the server publishes after a short debounce). */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean = (ds) => ds.length > 0): Promise<vscode.Diagnostic[]> {
  return waitFor(`istio-yaml diagnostics on ${vscode.workspace.asRelativePath(uri)}`, () => {
    const ds = ourDiagnostics(uri);
    return predicate(ds) ? ds : undefined;
  });
}

/** The position of the `nth` (0-based) occurrence of `needle`, plus `delta` characters: positions are anchored on text. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `'${needle}' (occurrence ${nth}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + delta);
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  return positionOf(doc, needle).line;
}

/** Discards unsaved edits in the active editor, so each test leaves the workspace as it found it. */
export async function revertActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Markdown or plain text of a hover, joined. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
