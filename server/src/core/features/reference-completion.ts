// Completion of references: at a value (or a new list item) the reference table covers, the names
// the workspace defines for it (subsets of the host's DestinationRules, hosts, Gateways, ports,
// namespaces, principals, credentials), and in workload selectors the label keys and values of the
// workloads in scope. The workspace is only read (through the index) when the cursor is at such a
// place, so completion elsewhere costs nothing more.
import { valueAt } from '../index/field-paths';
import type { IndexView } from '../index/workspace-index';
import { keyOf } from '../index/workspace-index';
import { labelsMatch, stringMap, type Workload } from '../index/workloads';
import { isObject } from '../model/resource';
import type { CompletionItem, Range } from '../types';
import type { CursorContext, KeyContext } from './cursor-context';
import type { DocContext } from './doc-context';
import { type Candidate, referenceCandidates, type Referrer } from './reference-candidates';
import { labelsText, workloadsText } from './reference-describe';
import { isListRule, ruleAt } from './reference-position';
import { selectorScope } from './reference-workloads';

/** Values a plain YAML scalar would read as something other than a string (YAML 1.1 included, as Kubernetes parses it). */
const NOT_A_STRING = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:e[-+]?\d+)?|[-+]?\.(?:inf|nan)|0x[\da-f]+|0o[0-7]+)$/i;
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/** The value as YAML: plain where that reads back as the same string, else quoted (as the user started, if so). */
function scalarText(value: string, typed: string): string {
  if (typed.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (typed.startsWith('"') || !PLAIN.test(value) || NOT_A_STRING.test(value)) return JSON.stringify(value);
  return value;
}

function unquote(text: string): string {
  const t = text.trim();
  if (/^".*"$/.test(t)) return t.slice(1, -1);
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  return t.replace(/^["']/, '');
}

/** Values already in the list the cursor adds to, without the item being typed. */
function listedValues(referrer: Referrer, typed: string): Set<string> {
  const list = valueAt(referrer.resource.value, referrer.path.slice(0, -1));
  const values = Array.isArray(list) ? list.filter((v) => typeof v === 'string' || typeof v === 'number').map(String) : [];
  const current = values.indexOf(unquote(typed));
  if (current >= 0) values.splice(current, 1);
  return new Set(values);
}

/** Numbers (ports) by value, other text by code point. */
function compareValues(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ranks first, then values; duplicates (a host both a Service and a ServiceEntry) keep their first. */
function ordered(candidates: readonly Candidate[], exclude: ReadonlySet<string>): Candidate[] {
  const seen = new Set(exclude);
  const out: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => a.rank - b.rank || compareValues(a.value, b.value))) {
    if (seen.has(c.value)) continue;
    seen.add(c.value);
    out.push(c);
  }
  return out;
}

/**
 * At most this many references are offered at once (a workspace of 1,000 services has 2,000 hosts):
 * beyond it, the candidates are those matching what is typed, and the list is marked incomplete so the
 * editor asks again as more is typed. Building and sending thousands of items made completion slow.
 */
export const MAX_REFERENCE_ITEMS = 100;

/** The typed characters appear in the value in order (case-insensitively): at least as lenient as an editor's fuzzy filter. */
function matchesTyped(value: string, typed: string): boolean {
  const v = value.toLowerCase();
  let at = 0;
  for (const c of typed.toLowerCase()) {
    at = v.indexOf(c, at) + 1;
    if (!at) return false;
  }
  return true;
}

/**
 * The candidates to offer, and whether more exist than are offered. `prefix` is what is typed before
 * the cursor (editors filter by that, not by the rest of the word after the cursor).
 */
function limited(candidates: readonly Candidate[], prefix: string): { candidates: readonly Candidate[]; incomplete: boolean } {
  if (candidates.length <= MAX_REFERENCE_ITEMS) return { candidates, incomplete: false };
  const word = unquote(prefix);
  return { candidates: candidates.filter((c) => matchesTyped(c.value, word)).slice(0, MAX_REFERENCE_ITEMS), incomplete: true };
}

function documentationOf(c: Candidate): string | undefined {
  return typeof c.documentation === 'function' ? c.documentation() : c.documentation;
}

/** Reference completion items and whether the editor should ask again as more is typed. */
export interface ReferenceItems {
  readonly items: CompletionItem[];
  readonly incomplete: boolean;
}

const NONE: ReferenceItems = { items: [], incomplete: false };

function sortText(c: Candidate, i: number): string {
  return `${c.rank}${String(i).padStart(4, '0')}`;
}

function valueItems(all: readonly Candidate[], cursor: CursorContext, typed: string, before: string, range: Range, numeric: boolean): ReferenceItems {
  const space = cursor.mode === 'value' && cursor.needsSpace ? ' ' : '';
  const { candidates, incomplete } = limited(all, before);
  const items = candidates.map((c, i): CompletionItem => {
    const text = numeric ? c.value : scalarText(c.value, typed);
    return { label: c.value, kind: 'reference', detail: c.detail, documentation: documentationOf(c), insertText: space + text, range, sortText: sortText(c, i), filterText: text };
  });
  return { items, incomplete };
}

/** Label keys: `key: ` with a choice of the values seen, or the bare key when a colon follows. */
function keyItems(all: readonly Candidate[], values: ReadonlyMap<string, readonly string[]>, cursor: KeyContext, before: string, range: Range): ReferenceItems {
  const snippet = (text: string) => text.replace(/[\\$}]/g, '\\$&');
  const { candidates, incomplete } = limited(all, before);
  const items = candidates.map((c, i): CompletionItem => {
    const key = scalarText(c.value, '');
    const choices = (values.get(c.value) ?? []).map((v) => scalarText(v, '').replace(/[\\$}|,]/g, '\\$&'));
    const insert = cursor.colonFollows ? key : `${snippet(key)}: ${choices.length ? `\${1|${choices.join(',')}|}` : '$1'}`;
    return { label: c.value, kind: 'reference', detail: c.detail, documentation: documentationOf(c), insertText: insert, snippet: !cursor.colonFollows || undefined, range, sortText: sortText(c, i), filterText: key };
  });
  return { items, incomplete };
}

/**
 * The workloads a selector can still choose from: those in the selector's scope carrying the labels
 * `written` beside the one being completed; all in scope when those match nothing (a typo should not
 * empty the list).
 */
function selectable(view: IndexView, referrer: Referrer, written: Record<string, string>): readonly Workload[] {
  const spec = referrer.resource.value.spec;
  // DestinationRule subsets choose among the workloads behind the rule's host.
  const host = isObject(spec) && typeof spec.host === 'string' ? spec.host : undefined;
  const scope = selectorScope(view, referrer.rule.selectorScope, referrer.resource.namespace, host);
  const narrowed = scope.filter((w) => labelsMatch(written, w.labels));
  return narrowed.length ? narrowed : scope;
}

function labelKeys(view: IndexView, referrer: Referrer, cursor: KeyContext, before: string, range: Range): ReferenceItems {
  const map = stringMap(valueAt(referrer.resource.value, referrer.path));
  const written = Object.fromEntries(Object.entries(map).filter(([k]) => cursor.existing.has(k)));
  const byKey = new Map<string, { values: Set<string>; count: number }>();
  for (const w of selectable(view, referrer, written)) {
    for (const [k, v] of Object.entries(w.labels)) {
      if (cursor.existing.has(k)) continue;
      let entry = byKey.get(k);
      if (!entry) byKey.set(k, (entry = { values: new Set(), count: 0 }));
      entry.values.add(v);
      entry.count++;
    }
  }
  const values = new Map([...byKey].map(([key, entry]) => [key, [...entry.values].sort()]));
  const candidates = [...byKey].map(([key, { count }]) => ({
    value: key,
    detail: `label of ${count} workload${count === 1 ? '' : 's'}`,
    documentation: `Values: ${values.get(key)!.map((v) => labelsText({ [key]: v })).join(', ')}`,
    rank: 0,
  }));
  return keyItems(ordered(candidates, new Set()), values, cursor, before, range);
}

function labelValues(view: IndexView, referrer: Referrer, key: string, cursor: CursorContext, typed: string, before: string, range: Range): ReferenceItems {
  const map = stringMap(valueAt(referrer.resource.value, referrer.path.slice(0, -1)));
  delete map[key];
  const byValue = new Map<string, Workload[]>();
  for (const w of selectable(view, referrer, map)) {
    const value = w.labels[key];
    if (value === undefined) continue;
    let list = byValue.get(value);
    if (!list) byValue.set(value, (list = []));
    list.push(w);
  }
  const candidates = [...byValue].map(([value, workloads]) => ({
    value,
    detail: `${workloads.length} workload${workloads.length === 1 ? '' : 's'}`,
    documentation: workloadsText(workloads, 'Carried by'),
    rank: 0,
  }));
  return valueItems(ordered(candidates, new Set()), cursor, typed, before, range, false);
}

/** Reference completions at the cursor; empty where the reference table covers nothing. */
export function referenceItems(ctx: DocContext, cursor: CursorContext, range: Range, view: () => IndexView): ReferenceItems {
  const resource = ctx.resource;
  if (!resource?.istioKind) return NONE;
  const position = ruleAt(keyOf(resource), cursor.path);
  if (!position) return NONE;
  const { rule, labelKey } = position;
  const referrer: Referrer = { rule, resource, path: cursor.path };
  const typed = ctx.text.slice(cursor.start, cursor.end);
  const before = ctx.text.slice(cursor.start, Math.max(cursor.start, Math.min(ctx.offset, cursor.end)));
  if (rule.type === 'selector') {
    if (cursor.mode === 'key' && labelKey === undefined && !cursor.dashItem) return labelKeys(view(), referrer, cursor, before, range);
    if (cursor.mode === 'value' && labelKey !== undefined) return labelValues(view(), referrer, labelKey, cursor, typed, before, range);
    return NONE;
  }
  // A scalar reference is typed as a value, or as a new item of a list of them.
  if (cursor.mode === 'key' && !(cursor.dashItem && isListRule(rule))) return NONE;
  const exclude = isListRule(rule) ? listedValues(referrer, typed) : new Set<string>();
  return valueItems(ordered(referenceCandidates(view(), referrer), exclude), cursor, typed, before, range, rule.type === 'port');
}
