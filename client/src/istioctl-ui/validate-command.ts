// "Validate the current file": istioctl validate -f, each error at the object it names.
import * as vscode from 'vscode';
import { validateArgs } from '../istioctl/args';
import { interpretValidate } from '../istioctl/interpret';
import { locateObjects } from '../istioctl/objects';
import type { ValidateOutput } from '../istioctl/types';
import type { IstioctlProblems } from './analyze-problems';
import { type CommandOutcome, failed } from './outcome';
import { runAndInterpret } from './run-and-interpret';
import type { IstioctlRunner } from './runner';
import { workspaceDefaultNamespace } from './workspace-objects';

export async function validateFile(runner: IstioctlRunner, problems: IstioctlProblems, clicked?: unknown): Promise<CommandOutcome<{ readonly result: ValidateOutput }>> {
  const uri = clicked instanceof vscode.Uri ? clicked : vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') {
    const message = 'Open a YAML file to validate it with istioctl.';
    void vscode.window.showInformationMessage(message);
    return failed({ kind: 'cancelled', message });
  }
  const document = await vscode.workspace.openTextDocument(uri);
  // istioctl reads the file from disk.
  if (document.isDirty) await document.save();
  const name = vscode.workspace.asRelativePath(uri);
  const result = await runAndInterpret(runner, { args: validateArgs([uri.fsPath]), what: `validate ${name}` }, interpretValidate);
  if (!result.ok) return result;
  const text = document.getText();
  const objects = locateObjects(text);
  const fallback = workspaceDefaultNamespace();
  const diagnostics = result.value.errors.map((e) => {
    // `Kind/ns/name`: istioctl prints an empty namespace for objects without one.
    const object = objects.find((o) => o.kind === e.kind && o.name === e.name && (!e.namespace || (o.namespace ?? fallback) === e.namespace)) ?? objects[0];
    const line = object?.line ?? 0;
    const content = document.lineAt(Math.min(line, document.lineCount - 1));
    const range = new vscode.Range(content.lineNumber, content.firstNonWhitespaceCharacterIndex, content.lineNumber, Math.max(content.firstNonWhitespaceCharacterIndex + 1, content.text.trimEnd().length));
    const diagnostic = new vscode.Diagnostic(range, `istioctl validate: ${e.message}`, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'istioctl';
    return diagnostic;
  });
  problems.collection.set(uri, diagnostics);
  for (const w of result.value.warnings) runner.output.appendLine(`warning: ${w}`);
  if (result.value.valid) void vscode.window.showInformationMessage(`istioctl: ${name} is valid${result.value.warnings.length ? ` (${result.value.warnings.length} warnings in the output)` : ''}.`);
  else void vscode.window.showErrorMessage(`istioctl: ${name} has ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'} (in the Problems panel).`);
  return { ok: true, result: result.value };
}
