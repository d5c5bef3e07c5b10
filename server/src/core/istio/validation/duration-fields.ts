// Where each kind has duration fields, derived once from the CRD schemas: a field whose CEL rule
// compares `duration(self)` is a duration (CEL already checks >= 1ms and the syntax); connection pool
// `tcp.idleTimeout` has no CEL rule and accepts 0 to mean "disabled".
import { ISTIO_KINDS, type JsonSchema } from '../../model/kinds';

export interface DurationTrie {
  readonly children: Map<string, DurationTrie>;
  /** Set when the path ends at a duration field. */
  field?: 'cel' | 'idle-timeout';
}

const ITEMS = '[]';

function node(): DurationTrie {
  return { children: new Map() };
}

function hasDurationRule(schema: Record<string, unknown>): boolean {
  const rules = schema['x-kubernetes-validations'];
  return Array.isArray(rules) && rules.some((r) => typeof (r as { rule?: unknown })?.rule === 'string' && (r as { rule: string }).rule.includes('duration(self)'));
}

function build(schema: unknown, path: string[], into: (path: string[], field: 'cel' | 'idle-timeout') => void, depth = 0): void {
  if (depth > 40 || schema === null || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const s of schema) build(s, path, into, depth + 1);
    return;
  }
  const s = schema as Record<string, unknown>;
  if (hasDurationRule(s)) into(path, 'cel');
  else if (s.type === 'string' && path.length >= 3 && path[path.length - 1] === 'idleTimeout' && path[path.length - 2] === 'tcp' && /onnectionPool$/.test(path[path.length - 3])) {
    into(path, 'idle-timeout');
  }
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) build(child, [...path, name], into, depth + 1);
    } else if (key === 'items' || key === 'additionalProperties') {
      build(value, [...path, ITEMS], into, depth + 1);
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') {
      build(value, path, into, depth + 1);
    }
  }
}

function trieFor(schema: JsonSchema): DurationTrie | undefined {
  const root = node();
  let any = false;
  build(schema, [], (path, field) => {
    let at = root;
    for (const segment of path) {
      let next = at.children.get(segment);
      if (!next) at.children.set(segment, (next = node()));
      at = next;
    }
    at.field = field;
    any = true;
  });
  return any ? root : undefined;
}

let tries: Map<string, DurationTrie | undefined> | undefined;

/** The duration-field trie of a kind (`[]` stands for list items and map values), or undefined. */
export function durationTrie(kind: string): DurationTrie | undefined {
  if (!tries) tries = new Map(ISTIO_KINDS.map((k) => [k.kind, trieFor(k.schema)]));
  return tries.get(kind);
}

export const TRIE_ITEMS = ITEMS;
