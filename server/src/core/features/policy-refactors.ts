// Refactorings for a DENY AuthorizationPolicy, to try it safely before it rejects real traffic:
// put it in dry-run mode (`istio.io/dry-run: "true"`: istiod evaluates and logs the policy without
// enforcing it), or create an AUDIT twin named `<name>-audit` that logs the requests it matches.
import { isScalar, stringify } from 'yaml';
import { keyOf } from '../index/workspace-index';
import { baseOfResourceAt, type FileModel, resourceBase } from '../model/file';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import type { CodeAction, Range, TextEdit } from '../types';
import { type FieldPath, locate } from '../yaml/path';
import { type ChunkChange, setAnnotation } from './annotation-edit';
import { docPath, type NavigationHost, rootOf } from './reference-places';

export const DRY_RUN_ANNOTATION = 'istio.io/dry-run';

function scalarSpan(resource: Resource, path: FieldPath): [number, number] | undefined {
  const full = docPath(resource, path);
  const { node, depth } = locate(resource.parsed.doc, full);
  return depth === full.length && isScalar(node) && node.range ? [node.range[0], node.range[1]] : undefined;
}

function annotationsOf(value: JsonObject): JsonObject {
  return isObject(value.metadata) && isObject(value.metadata.annotations) ? value.metadata.annotations : {};
}

/**
 * The twin's YAML: the policy's own text (comments and layout kept) with the name and action
 * rewritten; rebuilt from its data when text surgery would not do (a List item, a dry-run annotation
 * that AUDIT policies may not carry).
 */
function auditTwin(policy: Resource): string | undefined {
  const name = `${policy.name}-audit`;
  const nameSpan = scalarSpan(policy, ['metadata', 'name']);
  const actionSpan = scalarSpan(policy, ['spec', 'action']);
  if (!policy.name || !nameSpan || !actionSpan) return undefined;
  if (!rootOf(policy).length && !(DRY_RUN_ANNOTATION in annotationsOf(policy.value))) {
    const { start, end } = policy.parsed;
    let text = policy.chunk.text.slice(start, end);
    const rawName = policy.chunk.text.slice(nameSpan[0], nameSpan[1]);
    const replacements: [[number, number], string][] = [
      [actionSpan, 'AUDIT'],
      [nameSpan, /^["']/.test(rawName) ? JSON.stringify(name) : name],
    ];
    for (const [[s, e], replacement] of replacements.sort((a, b) => b[0][0] - a[0][0])) text = text.slice(0, s - start) + replacement + text.slice(e - start);
    return text.replace(/\s*$/, '\n');
  }
  const copy = JSON.parse(JSON.stringify(policy.value)) as JsonObject;
  const metadata = copy.metadata as JsonObject;
  metadata.name = name;
  const annotations = annotationsOf(copy);
  delete annotations[DRY_RUN_ANNOTATION];
  if (!Object.keys(annotations).length) delete metadata.annotations;
  (copy.spec as JsonObject).action = 'AUDIT';
  return stringify(copy, { indentSeq: false });
}

function toEdits(file: FileModel, resource: Resource, change: ChunkChange | undefined): TextEdit[] {
  const base = resourceBase(file, resource);
  return change && base !== undefined ? [{ range: file.parsed.lines.range(base + change.start, base + change.end), newText: change.newText }] : [];
}

function refactorings(file: FileModel, policy: Resource): CodeAction[] {
  const actions: CodeAction[] = [];
  const twin = auditTwin(policy);
  if (twin) {
    // A new document after the policy's own (before any next `---`).
    const text = policy.chunk.text;
    const at = { start: text.length, end: text.length, newText: `${text.length && !text.endsWith('\n') ? '\n' : ''}---\n${twin}` };
    actions.push({ title: 'Create an AUDIT twin of this DENY policy (dry run)', kind: 'refactor.rewrite', edit: { changes: { [file.uri]: toEdits(file, policy, at) } } });
  }
  const dryRun = setAnnotation(policy, DRY_RUN_ANNOTATION, (current) => (current === 'true' ? undefined : 'true'));
  if (dryRun) actions.push({ title: 'Dry-run this DENY policy', kind: 'refactor.rewrite', edit: { changes: { [file.uri]: toEdits(file, policy, dryRun) } } });
  return actions;
}

/** Refactorings for the DENY AuthorizationPolicies the range touches. */
export function policyRefactorings(host: NavigationHost, uri: string, range: Range): CodeAction[] {
  const file = host.file(uri);
  if (!file) return [];
  const from = file.parsed.lines.offset(range.start);
  const to = file.parsed.lines.offset(range.end);
  return file.resources.flatMap((r, i) => {
    if (keyOf(r) !== 'AuthorizationPolicy' || !isObject(r.value.spec) || r.value.spec.action !== 'DENY') return [];
    const base = baseOfResourceAt(file, i) ?? 0;
    if (r.parsed.errorCount || to < base + r.parsed.start || from > base + r.parsed.end) return [];
    return refactorings(file, r);
  });
}
