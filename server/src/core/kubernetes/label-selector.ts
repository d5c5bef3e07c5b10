// Kubernetes `LabelSelector` semantics (`matchLabels` and `matchExpressions`), as webhooks and
// workload controllers apply them.
import { isObject } from '../model/resource';

/**
 * Whether a selector matches a label set. An absent selector matches everything (the webhook API's
 * default); a malformed one (unknown operator, `In` without values) matches nothing, as
 * `LabelSelectorAsSelector` fails on it.
 */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (selector === undefined || selector === null) return true;
  if (!isObject(selector)) return false;
  if (selector.matchLabels !== undefined && selector.matchLabels !== null) {
    if (!isObject(selector.matchLabels)) return false;
    for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== String(v)) return false;
  }
  const expressions = selector.matchExpressions;
  if (expressions === undefined || expressions === null) return true;
  if (!Array.isArray(expressions)) return false;
  for (const e of expressions) {
    if (!isObject(e) || typeof e.key !== 'string') return false;
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In':
        if (!values.length || !has || !values.includes(labels[e.key])) return false;
        break;
      case 'NotIn':
        if (!values.length) return false;
        if (has && values.includes(labels[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
