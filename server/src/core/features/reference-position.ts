// Which row of the reference table a concrete field path falls under. Completion asks this for the
// path the cursor is typing (read from the text), so it matches paths rather than reference sites:
// a value being typed may not be a site yet (`subset:` with nothing after it).
import type { KindKey } from '../index/kind-key';
import { REFERENCE_RULES, type ReferenceRule } from '../index/references';
import type { FieldPath } from '../yaml/path';

export interface RulePosition {
  readonly rule: ReferenceRule;
  /** For selector rules: the label key whose value is at the path; undefined at the selector map itself. */
  readonly labelKey?: string;
}

type Segment = string | '*';

const SEGMENTS = new Map<ReferenceRule, Segment[]>(
  REFERENCE_RULES.map((rule) => [
    rule,
    rule.path
      .replace(/\[\*\]/g, '.*')
      .split('.')
      .filter((s) => s !== ''),
  ]),
);

function matches(segments: readonly Segment[], path: FieldPath): boolean {
  return segments.every((s, i) => (s === '*' ? typeof path[i] === 'number' : s === path[i]));
}

/**
 * The rule covering a path of a resource of kind `kind`: the referring value itself, or for
 * selectors the label map (`labelKey` unset) or one of its entries (`labelKey` set).
 */
export function ruleAt(kind: KindKey, path: FieldPath): RulePosition | undefined {
  for (const rule of REFERENCE_RULES) {
    if (rule.from !== kind) continue;
    const segments = SEGMENTS.get(rule)!;
    if (path.length === segments.length && matches(segments, path)) return { rule };
    const last = path[path.length - 1];
    if (rule.type === 'selector' && path.length === segments.length + 1 && typeof last === 'string' && matches(segments, path)) return { rule, labelKey: last };
  }
  return undefined;
}

/** Whether the rule names list items (`gateways[*]`): completions then skip values already listed. */
export function isListRule(rule: ReferenceRule): boolean {
  return rule.path.endsWith('[*]');
}
