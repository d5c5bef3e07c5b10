// The Kubernetes objects defined in the workspace's YAML files, by kind, namespace and name: where
// istioctl's cluster findings and `describe` output point into the workspace. Read from the open
// document when there is one (unsaved edits count), else from disk.
import * as vscode from 'vscode';
import { locateObjects } from '../istioctl/objects';
import type { ObjectLocation } from '../istioctl/types';

export interface WorkspaceObject extends ObjectLocation {
  readonly uri: vscode.Uri;
}

/** Files this large are skipped: istioctl's output never needs them and reading them would stall the host. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_FILES = 5000;

export async function workspaceYamlFiles(): Promise<vscode.Uri[]> {
  const excluded = vscode.workspace.getConfiguration('istioYaml').get<string[]>('exclude', []);
  const exclude = `{**/node_modules/**,**/.*/**${excluded.map((g) => `,${g}`).join('')}}`;
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml}', exclude, MAX_FILES);
  return files.filter((f) => f.scheme === 'file').sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

export async function textOf(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function workspaceObjects(): Promise<WorkspaceObject[]> {
  const objects: WorkspaceObject[] = [];
  for (const uri of await workspaceYamlFiles()) {
    const text = await textOf(uri);
    if (text !== undefined) for (const o of locateObjects(text)) objects.push({ ...o, uri });
  }
  return objects;
}

/** Namespace of workspace objects without `metadata.namespace` (the language server's setting). */
export function workspaceDefaultNamespace(): string {
  return vscode.workspace.getConfiguration('istioYaml').get<string>('defaultNamespace', 'default') || 'default';
}

/** The workspace object istioctl names; `namespace` is resolved by the caller (istioctl prints bare names in the namespace it was asked about). */
export function findObject(objects: readonly WorkspaceObject[], kind: string, name: string, namespace: string): WorkspaceObject | undefined {
  const fallback = workspaceDefaultNamespace();
  return objects.find((o) => o.kind === kind && o.name === name && (o.namespace ?? fallback) === namespace);
}
