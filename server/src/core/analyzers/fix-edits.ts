// Edits quick fixes are made of. Offsets are chunk-relative (see ChunkEdit).
import { isSeq } from 'yaml';
import { documentPath, type Resource } from '../model/resource';
import { type FieldPath, locate } from '../yaml/path';
import type { ChunkEdit, ResourceContext } from './framework';

/** Replaces the scalar at `path` of the context's resource. */
export function replaceValue(ctx: ResourceContext, path: FieldPath, newText: string): ChunkEdit {
  const [start, end] = ctx.rangeOf(path);
  return { start, end, newText };
}

/** Appends a YAML document after the resource's document (in the same file, before any next `---`). */
export function appendDocument(resource: Resource, documentText: string, target?: Resource): ChunkEdit {
  const text = resource.chunk.text;
  const prefix = text.length && !text.endsWith('\n') ? '\n' : '';
  const body = documentText.endsWith('\n') ? documentText : `${documentText}\n`;
  return { start: text.length, end: text.length, newText: `${prefix}---\n${body}`, target };
}

/** The indentation (in spaces) of the line holding an offset of a chunk. */
export function indentAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let n = 0;
  while (text[lineStart + n] === ' ') n++;
  return n;
}

/**
 * Inserts a new item at the end of a block sequence at `path` of another resource: the text is one
 * list item (`- name: v2\n  labels: …`) without indentation; it is indented like the existing items.
 * Returns undefined for flow sequences (`[a, b]`), which a quick fix should not rewrite.
 */
export function appendListItem(target: Resource, path: FieldPath, itemText: string): ChunkEdit | undefined {
  const text = target.chunk.text;
  const { node } = locate(target.parsed.doc, documentPath(target, path));
  if (!isSeq(node) || node.flow || !node.range) return undefined;
  const indent = ' '.repeat(indentAt(text, node.range[0]));
  const lines = itemText.replace(/\n$/, '').split('\n').map((l) => indent + l);
  // Insert after the last line of the sequence (its range may end with line breaks).
  let end = node.range[1];
  while (end > node.range[0] && /\s/.test(text[end - 1])) end--;
  const lineEnd = text.indexOf('\n', end);
  const at = lineEnd < 0 ? text.length : lineEnd + 1;
  const newline = lineEnd < 0 ? '\n' : '';
  return { start: at, end: at, newText: `${newline}${lines.join('\n')}\n`, target };
}
