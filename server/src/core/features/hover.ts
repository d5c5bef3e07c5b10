// Hover: for a key or its value, the field's name, type, description, allowed values and the kind's
// reference page; for the apiVersion/kind values, what the kind is and which versions Istio serves.
// On a reference (reference-hover.ts) what it names in the workspace comes first.
// Documents that are not Istio resources get nothing (other YAML tools own them).
import type { IndexView } from '../index/workspace-index';
import type { FileModel } from '../model/file';
import type { IstioKind } from '../model/kinds';
import type { Hover } from '../types';
import { type FieldPath, formatPath, offsetInfo, type PathSegment } from '../yaml/path';
import { type DocContext, docContext } from './doc-context';
import { allowedValues, cleanDescription, code, kindDocumentation, referenceLink, validationNotes } from './field-docs';
import { referenceHover } from './reference-hover';
import { resolveField, typeLabel } from './schema-walk';
import { lineBounds, openerPath, parseLine } from './yaml-lines';

interface Target {
  readonly path: PathSegment[];
  readonly onKey: boolean;
  /** Chunk offsets of the hovered key or value. */
  readonly start: number;
  readonly end: number;
  readonly value?: unknown;
}

/** The key or scalar under the offset, from the parsed document. */
function fromDocument(ctx: DocContext): Target | undefined {
  if (!ctx.doc) return undefined;
  const info = offsetInfo(ctx.doc, ctx.text, ctx.offset);
  if (!info.scalar || info.scalar.end <= info.scalar.start) return undefined;
  return { path: info.path, onKey: info.onKey, start: info.scalar.start, end: info.scalar.end, value: info.onKey ? undefined : info.scalar.value };
}

/** The same from the line's text, for documents the parser could not make sense of around the offset. */
function fromText(ctx: DocContext): Target | undefined {
  const [lineStart, lineEnd] = lineBounds(ctx.text, ctx.offset);
  const info = parseLine(ctx.text.slice(lineStart, lineEnd));
  const last = info?.openers[info.openers.length - 1];
  if (!info || last?.type !== 'key') return undefined;
  const column = ctx.offset - lineStart;
  const { path } = openerPath(ctx.text, lineStart, info.openers, info.openers.length - 1);
  if (column >= last.col && column <= last.end) return { path, onKey: true, start: lineStart + last.col, end: lineStart + last.end };
  if (last.value && column >= last.valueCol && column <= last.valueCol + last.value.length) {
    return { path, onKey: false, start: lineStart + last.valueCol, end: lineStart + last.valueCol + last.value.length, value: last.value.replace(/^["']|["']$/g, '') };
  }
  return undefined;
}

function displayPath(path: FieldPath): string {
  return formatPath(path.map((s) => (typeof s === 'number' ? -1 : s))).replace(/\[-1\]/g, '[]');
}

function fieldHover(kind: IstioKind, target: Target): string | undefined {
  // A list item's value documents the list field.
  let path: FieldPath = target.path;
  while (path.length && typeof path[path.length - 1] === 'number') path = path.slice(0, -1);
  const name = path[path.length - 1];
  if (typeof name !== 'string') return undefined;
  const resolved = resolveField(kind.schema, path);
  if (!resolved) return undefined;
  const { schema } = resolved;
  const current = typeof target.value === 'string' ? target.value : undefined;
  const parts = [`**${name}** · ${typeLabel(schema)}`];
  if (resolved.mapEntry && resolved.owner) {
    const owner = String(path[path.length - 2]);
    parts.push([`An entry of ${code(owner)} (${typeLabel(resolved.owner)}).`, cleanDescription(resolved.owner)].filter(Boolean).join(' '));
  }
  const description = cleanDescription(schema);
  if (description) parts.push(description);
  const values = allowedValues(schema, current);
  if (values) parts.push(values);
  const rules = validationNotes(schema);
  if (rules) parts.push(rules);
  parts.push(`${code(displayPath(path))} · ${referenceLink(kind)}`);
  return parts.join('\n\n');
}

function kindHover(kind: IstioKind, apiVersion: string | undefined): string {
  return `**${kind.kind}** · ${apiVersion ?? `${kind.group}/${kind.preferredVersion}`}\n\n${kindDocumentation(kind)}`;
}

/**
 * The hover at a file offset, or undefined outside Istio documents and known fields. On a reference
 * (when `workspace` is given) what it names comes first, above the field's documentation.
 */
export function hover(file: FileModel, offset: number, workspace?: () => IndexView): Hover | undefined {
  const ctx = docContext(file, offset);
  if (!ctx || ctx.flavour !== 'istio' || !ctx.istioKind) return undefined;
  const target = fromDocument(ctx) ?? fromText(ctx);
  if (!target) return undefined;
  const top = target.path.length === 1 ? target.path[0] : undefined;
  const documentation = !target.onKey && (top === 'apiVersion' || top === 'kind') ? kindHover(ctx.istioKind, ctx.apiVersion) : fieldHover(ctx.istioKind, target);
  const reference = workspace && ctx.resource ? referenceHover(ctx.resource, target.path, target.onKey, workspace) : undefined;
  const contents = [reference, documentation].filter(Boolean).join('\n\n---\n\n');
  if (!contents) return undefined;
  const base = ctx.placed.base;
  return { contents, range: file.parsed.lines.range(base + target.start, base + target.end) };
}
