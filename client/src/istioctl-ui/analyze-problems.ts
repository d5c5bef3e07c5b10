// istioctl analyze's findings in the Problems panel, in their own collection (source `istioctl`), at
// the file and line istioctl names, or at the workspace object a cluster finding is about. A finding
// our own analyzers already report on the same object (same istioctl code) is not shown twice.
import * as vscode from 'vscode';
import { correctedIstioctlLine, istioctlLineToObject } from '../istioctl/objects';
import type { AnalyzeMessage, AnalyzeOutput } from '../istioctl/types';
import { findObject, textOf, type WorkspaceObject } from './workspace-objects';

/** Our language server's diagnostics carry this source and end with `(IST0101)` when istioctl has the same check. */
const OUR_SOURCE = 'istio-yaml';

export interface AnalyzeSummary {
  readonly total: number;
  /** Put into the Problems panel. */
  readonly shown: number;
  /** Already reported by our analyzers on the same object with the same code. */
  readonly duplicates: number;
  /** Cluster findings about objects no workspace file defines (listed in the output channel). */
  readonly outsideWorkspace: readonly AnalyzeMessage[];
}

const SEVERITY: Record<AnalyzeMessage['level'], vscode.DiagnosticSeverity> = {
  Error: vscode.DiagnosticSeverity.Error,
  Warning: vscode.DiagnosticSeverity.Warning,
  Info: vscode.DiagnosticSeverity.Information,
};

export class IstioctlProblems implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('istioctl');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    // Lines move as the file is edited, and istioctl read the old text: its findings for an edited file are dropped, not misplaced.
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.collection.has(e.document.uri)) this.collection.delete(e.document.uri);
      }),
    );
  }

  /** Findings of `analyze --use-kube=false` on files: each names its file and line. `analyzed` files lose their old findings. */
  async showFileFindings(output: AnalyzeOutput, analyzed: readonly vscode.Uri[]): Promise<AnalyzeSummary> {
    for (const uri of analyzed) this.collection.delete(uri);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    let duplicates = 0;
    const outside: AnalyzeMessage[] = [];
    // Several findings usually name the same file: read each once.
    const texts = new Map<string, Promise<string | undefined>>();
    const textOfOnce = (uri: vscode.Uri) => texts.get(uri.toString()) ?? texts.set(uri.toString(), textOf(uri)).get(uri.toString())!;
    for (const message of output.messages) {
      if (!message.file || !message.line) {
        outside.push(message);
        continue;
      }
      const uri = vscode.Uri.file(message.file);
      const text = (await textOfOnce(uri)) ?? '';
      const object = istioctlLineToObject(text, message.line);
      const line = Math.max(0, correctedIstioctlLine(text, message.line) - 1);
      if (ourDiagnosticCovers(uri, message.code, object ? [object.firstLine, object.lastLine] : [line, line])) {
        duplicates++;
        continue;
      }
      push(byFile, uri, toDiagnostic(message, lineRange(text, line)));
    }
    return this.publish(byFile, output.messages.length, duplicates, outside);
  }

  /** Findings of a cluster analysis: placed on the workspace object that defines the live object, when there is one. */
  async showClusterFindings(output: AnalyzeOutput, objects: readonly WorkspaceObject[], context: string): Promise<AnalyzeSummary> {
    this.collection.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    let duplicates = 0;
    const outside: AnalyzeMessage[] = [];
    for (const message of output.messages) {
      const r = message.resource;
      const object = r && findObject(objects, r.kind, r.name, r.namespace ?? '');
      if (!object) {
        outside.push(message);
        continue;
      }
      if (ourDiagnosticCovers(object.uri, message.code, [object.firstLine, object.lastLine])) {
        duplicates++;
        continue;
      }
      const text = (await textOf(object.uri)) ?? '';
      const diagnostic = toDiagnostic({ ...message, message: `${message.message} (live object in kube context ${context})` }, lineRange(text, object.line));
      push(byFile, object.uri, diagnostic);
    }
    return this.publish(byFile, output.messages.length, duplicates, outside);
  }

  clear(): void {
    this.collection.clear();
  }

  private publish(byFile: Map<string, vscode.Diagnostic[]>, total: number, duplicates: number, outsideWorkspace: AnalyzeMessage[]): AnalyzeSummary {
    let shown = 0;
    for (const [uri, diagnostics] of byFile) {
      this.collection.set(vscode.Uri.parse(uri), diagnostics);
      shown += diagnostics.length;
    }
    return { total, shown, duplicates, outsideWorkspace };
  }

  dispose(): void {
    this.collection.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function push(byFile: Map<string, vscode.Diagnostic[]>, uri: vscode.Uri, diagnostic: vscode.Diagnostic): void {
  const key = uri.toString();
  byFile.set(key, [...(byFile.get(key) ?? []), diagnostic]);
}

function toDiagnostic(message: AnalyzeMessage, range: vscode.Range): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, message.message, SEVERITY[message.level] ?? vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'istioctl';
  diagnostic.code = message.documentationUrl ? { value: message.code, target: vscode.Uri.parse(message.documentationUrl) } : message.code;
  return diagnostic;
}

/** The line's text without its indentation: where the Problems panel and the squiggle point. */
function lineRange(text: string, line: number): vscode.Range {
  const lines = text.split(/\r?\n/);
  const at = Math.min(line, Math.max(0, lines.length - 1));
  const content = lines[at] ?? '';
  const start = content.length - content.trimStart().length;
  return new vscode.Range(at, start, at, Math.max(start + 1, content.trimEnd().length));
}

/** Whether our language server already reports istioctl's `code` within the given 0-based line span of the file. */
function ourDiagnosticCovers(uri: vscode.Uri, code: string, [first, last]: readonly [number, number]): boolean {
  return vscode.languages
    .getDiagnostics(uri)
    .some((d) => d.source === OUR_SOURCE && d.message.endsWith(`(${code})`) && d.range.start.line >= first && d.range.start.line <= last);
}
