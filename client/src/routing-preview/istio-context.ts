// Sets the context key `istioYaml.isIstioFile` for the active editor, so the editor-title button of the
// routing preview shows on files that hold Istio resources only. A cheap text test, not a parse: an
// `apiVersion` in one of Istio's API groups.
import * as vscode from 'vscode';

export const ISTIO_FILE_CONTEXT = 'istioYaml.isIstioFile';
const ISTIO_API = /^[ \t]*apiVersion:[ \t]*["']?[a-z0-9.-]*istio\.io\//m;

export function isIstioText(text: string): boolean {
  return ISTIO_API.test(text);
}

export function trackIstioFiles(): vscode.Disposable {
  let last: boolean | undefined;
  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const value = !!doc && doc.languageId === 'yaml' && isIstioText(doc.getText());
    if (value === last) return;
    last = value;
    void vscode.commands.executeCommand('setContext', ISTIO_FILE_CONTEXT, value);
  };
  update();
  // Typing must not copy a large document on every keystroke: test again once the typing pauses.
  let timer: ReturnType<typeof setTimeout> | undefined;
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== vscode.window.activeTextEditor?.document) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(update, 300);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
}
