// Completion: keys valid at the cursor (from the schema of the document's kind), enum and boolean
// values, apiVersion/kind values, and a skeleton per kind in an empty document.
//
// Only the document under the cursor is read, from its text (see cursor-context.ts), so completion
// works in broken YAML and costs the same in a file of 11,000 resources.
// Which documents get what:
// - A document declaring an Istio kind gets everything.
// - A document declaring another apiVersion or kind (Kubernetes, anything else) gets nothing.
// - A document declaring neither yet gets the `apiVersion`/`kind` keys and values, and, when it is
//   still empty, the skeletons, but only in a file that already holds Istio configuration or in a
//   file that is nothing but this document (a new file). A GitHub workflow or a Compose file, whose
//   documents have content but no apiVersion, never sees Istio offers; an empty document added to a
//   Kubernetes manifest file does not either.
// Multi-line insert texts are indented relative to the cursor line's indentation, which editors add
// to every inserted line (LSP `insertTextMode` adjustIndentation, VS Code's default).
import type { IndexView } from '../index/workspace-index';
import type { FileModel } from '../model/file';
import type { IstioKind, JsonSchema } from '../model/kinds';
import type { CompletionItem, CompletionList, Range } from '../types';
import type { FieldPath } from '../yaml/path';
import { apiVersionItems, kindItems, skeletonItems, starterKeyItems } from './completion-starters';
import { cursorContext, type KeyContext, type ValueContext } from './cursor-context';
import { type DocContext, docContext } from './doc-context';
import { fieldDocumentation } from './field-docs';
import { referenceItems } from './reference-completion';
import { enumValues, exclusiveGroups, isBoolean, isDeprecated, propertiesOf, resolveField, shapeOf, typeLabel } from './schema-walk';
import { isDocumentMarker, parseLine } from './yaml-lines';

/** Istio's port protocol names: the schema types these fields as plain strings. */
const PROTOCOLS = ['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'GRPC-WEB', 'TCP', 'TLS', 'MONGO', 'MYSQL', 'REDIS', 'UDP'];

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function choice(values: readonly string[]): string {
  return `\${1|${values.map((v) => escapeSnippet(v).replace(/[,|]/g, '\\$&')).join(',')}|}`;
}

function knownValues(schema: JsonSchema, path: FieldPath): string[] {
  const values = enumValues(schema);
  if (values.length) return values;
  if (isBoolean(schema)) return ['true', 'false'];
  const name = path[path.length - 1];
  const owner = path[path.length - 2];
  if (name === 'protocol' && (owner === 'port' || typeof owner === 'number')) return PROTOCOLS;
  return [];
}

function keyInsertText(name: string, schema: JsonSchema, cursor: KeyContext): { text: string; snippet: boolean } {
  if (cursor.colonFollows) return { text: name, snippet: false };
  const key = escapeSnippet(name);
  const values = enumValues(schema).length ? enumValues(schema) : isBoolean(schema) ? ['true', 'false'] : [];
  const shape = shapeOf(schema);
  if (cursor.flow || shape === 'scalar' || shape === 'unknown') {
    if (cursor.flow && shape === 'object') return { text: `${key}: {$1}`, snippet: true };
    if (cursor.flow && shape === 'array') return { text: `${key}: [$1]`, snippet: true };
    return { text: `${key}: ${values.length ? choice(values) : '$1'}`, snippet: true };
  }
  // Continuation lines are relative to the line's indentation; a key after `- ` sits further right.
  const pad = ' '.repeat(Math.max(0, cursor.column - cursor.lineIndent));
  return { text: shape === 'array' ? `${key}:\n${pad}  - $1` : `${key}:\n${pad}  $1`, snippet: true };
}

function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function keyItems(schema: JsonSchema, cursor: KeyContext, range: Range): CompletionItem[] {
  const excluded = new Set(cursor.existing);
  for (const group of exclusiveGroups(schema)) {
    if (group.some((name) => cursor.existing.has(name))) for (const name of group) excluded.add(name);
  }
  // `status` is written by the control plane, never by hand.
  if (cursor.path.length === 0) excluded.add('status');
  const properties = propertiesOf(schema);
  const names = new Set(properties.map((p) => p.name));
  const items: CompletionItem[] = [];
  properties.forEach((property, i) => {
    // Protobuf's snake_case aliases (`mirror_percent`) are accepted but never the name to write.
    if (excluded.has(property.name) || (property.name.includes('_') && names.has(camelCase(property.name)))) return;
    const deprecated = isDeprecated(property.schema);
    const insert = keyInsertText(property.name, property.schema, cursor);
    items.push({
      label: property.name,
      kind: 'property',
      detail: `${typeLabel(property.schema)}${property.required ? ' · required' : ''}${deprecated ? ' · deprecated' : ''}`,
      documentation: fieldDocumentation(property.schema),
      insertText: insert.text,
      snippet: insert.snippet || undefined,
      range,
      sortText: `${property.required ? 0 : deprecated ? 2 : 1}${String(i).padStart(3, '0')}`,
    });
  });
  return items;
}

function valueItems(schema: JsonSchema, path: FieldPath, cursor: KeyContext | ValueContext, range: Range): CompletionItem[] {
  const isEnum = enumValues(schema).length > 0;
  const prefix = cursor.mode === 'value' && cursor.needsSpace ? ' ' : '';
  return knownValues(schema, path).map((value, i) => ({
    label: value,
    kind: isEnum ? 'enum' : 'value',
    detail: typeLabel(schema),
    insertText: prefix + value,
    range,
    sortText: String(i).padStart(3, '0'),
    filterText: value,
  }));
}

/** The document has nothing but (possibly) the word being typed on the cursor's line. */
function isEmptyDocument(ctx: DocContext, cursor: KeyContext): boolean {
  if (cursor.column !== 0 || cursor.dashItem || cursor.flow) return false;
  const { text } = ctx;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const onCursorLine = ctx.offset >= start && ctx.offset <= end;
    const line = text.slice(start, end);
    if (!onCursorLine && !isDocumentMarker(line) && parseLine(line)) return false;
    if (newline < 0) break;
    start = newline + 1;
  }
  return true;
}

function starterItems(file: FileModel, ctx: DocContext, cursor: KeyContext | ValueContext, range: Range): CompletionItem[] {
  if (ctx.flavour === 'foreign') return [];
  const newFile = file.parsed.chunks.length <= 1;
  const welcome = ctx.flavour === 'istio' || file.istio || newFile;
  if (cursor.mode === 'value') {
    if (!welcome || cursor.flow) return [];
    const prefix = cursor.needsSpace ? ' ' : '';
    return cursor.path[0] === 'apiVersion' ? apiVersionItems(ctx.kind, range, prefix) : kindItems(ctx.apiVersion, range, prefix);
  }
  if (isEmptyDocument(ctx, cursor)) return welcome ? [...starterKeyItems(undefined, undefined, range), ...skeletonItems(range)] : [];
  if (ctx.flavour !== 'istio' && !file.istio) return [];
  const keys = starterKeyItems(ctx.apiVersion, ctx.kind, range);
  return keys.filter((item) => !cursor.existing.has(item.label));
}

function schemaItems(kind: IstioKind, cursor: KeyContext | ValueContext, range: Range): CompletionItem[] {
  const resolved = resolveField(kind.schema, cursor.path);
  if (!resolved) return [];
  const { schema } = resolved;
  if (cursor.mode === 'value') return valueItems(schema, cursor.path, cursor, range);
  const shape = shapeOf(schema);
  if (shape === 'object') return keyItems(schema, cursor, range);
  // After `- ` in a list of scalars, the item is a value; elsewhere a scalar has no keys.
  return cursor.dashItem ? valueItems(schema, cursor.path, cursor, range) : [];
}

/**
 * Completion items at a file offset; empty where nothing fits (see the header for which documents get
 * what). `workspace` is called only where a reference is typed (see reference-completion.ts).
 */
export function complete(file: FileModel, offset: number, workspace?: () => IndexView): CompletionItem[] {
  return [...completeList(file, offset, workspace).items];
}

/** The completion items, and whether the editor should ask again as more is typed (long reference lists are cut). */
export function completeList(file: FileModel, offset: number, workspace?: () => IndexView): CompletionList {
  const ctx = docContext(file, offset, { ignoreCursorLine: true });
  if (!ctx) return EMPTY;
  const cursor = cursorContext(ctx.text, ctx.offset);
  if (!cursor) return EMPTY;
  const base = ctx.placed.base;
  const range = file.parsed.lines.range(base + cursor.start, base + cursor.end);
  const atRoot = cursor.mode === 'key' ? cursor.path.length === 0 : cursor.path.length === 1 && (cursor.path[0] === 'apiVersion' || cursor.path[0] === 'kind');
  if (atRoot && (!ctx.istioKind || cursor.mode === 'value')) return { items: starterItems(file, ctx, cursor, range), incomplete: false };
  if (!ctx.istioKind) return EMPTY;
  const references = workspace ? referenceItems(ctx, cursor, range, workspace) : { items: [], incomplete: false };
  return { items: [...references.items, ...schemaItems(ctx.istioKind, cursor, range)], incomplete: references.incomplete };
}

const EMPTY: CompletionList = { items: [], incomplete: false };
