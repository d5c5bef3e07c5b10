// `kind: List` documents (what `kubectl get -o yaml` prints) hold their objects under `items`;
// kubectl and istioctl treat each item as an object of its own, so we do too. Each item gets a view
// of the document (`ParsedDoc` sharing the YAML document, with the item's value and range) plus the
// path of the item in it (`root`), which is prefixed to the item's field paths to find source ranges.
import { isSeq, type Node } from 'yaml';
import type { ParsedDoc } from '../yaml/parse';
import { type FieldPath, locate } from '../yaml/path';

export interface ListItem {
  readonly parsed: ParsedDoc;
  readonly root: FieldPath;
}

function isListValue(value: unknown): value is { items?: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.apiVersion === 'v1' && v.kind === 'List';
}

/**
 * Item views are memoized per document: documents are reused across edits, and the analysis caches
 * key on `ParsedDoc` identity, so an unchanged List keeps its items' cached findings.
 */
const ITEMS = new WeakMap<ParsedDoc, readonly ListItem[]>();

/** The items of a `kind: List` document (none when `items` is not a list), or undefined for any other document. */
export function listItems(parsed: ParsedDoc): readonly ListItem[] | undefined {
  if (!isListValue(parsed.value)) return undefined;
  let items = ITEMS.get(parsed);
  if (!items) {
    const seq = locate(parsed.doc, ['items']).node;
    const values = Array.isArray(parsed.value.items) ? parsed.value.items : [];
    items = values.map((value, i) => {
      const node = isSeq(seq) ? (seq.items[i] as Node | undefined) : undefined;
      const range = node?.range;
      const item: ParsedDoc = {
        get doc() {
          return parsed.doc;
        },
        origin: parsed,
        value,
        start: range ? range[0] : parsed.start,
        end: range ? range[1] : parsed.end,
        errorCount: parsed.errorCount,
      };
      return { parsed: item, root: ['items', i] };
    });
    ITEMS.set(parsed, items);
  }
  return items;
}
