// Short text for values read from manifests: StringMatches, label maps, nested settings. Values go
// in verbatim (the webview escapes them).
import { isObject } from '../model/resource';

/** `prefix /api`, `exact jason`, `regex ^v[0-9]$`, or `present` for an empty StringMatch. */
export function stringMatchText(value: unknown): string {
  if (!isObject(value)) return 'present';
  for (const op of ['exact', 'prefix', 'regex'] as const) {
    if (typeof value[op] === 'string') return `${op} ${value[op]}`;
  }
  return 'present';
}

/** A header or query condition: `end-user=jason`, `x-beta prefix 1`, `x-debug present`. */
export function namedMatchText(name: string, value: unknown): string {
  if (isObject(value) && typeof value.exact === 'string') return `${name}=${value.exact}`;
  return `${name} ${stringMatchText(value)}`;
}

/** `app=productpage,version=v1`, in the order written. */
export function labelsText(value: unknown): string {
  if (!isObject(value)) return '';
  return Object.entries(value)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(',');
}

/** Nested settings flattened to `http.http1MaxPendingRequests 100, tcp.maxConnections 10`. */
export function flatText(value: unknown, prefix = ''): string {
  if (!isObject(value)) return value === undefined ? '' : `${prefix}${prefix ? ' ' : ''}${scalarText(value)}`.trim();
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isObject(v)) parts.push(flatText(v, key));
    else parts.push(`${key} ${scalarText(v)}`);
  }
  return parts.filter(Boolean).join(', ');
}

function scalarText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (isObject(v) ? `{${flatText(v)}}` : String(v))).join(' ');
  return String(value);
}

/** A percentage as people write it: `10%`, `0.5%`, `33.3%`. */
export function percentText(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)}%`;
}

/** Istio `Percent` (`{value: 5}`): the number, or the default when absent or malformed. */
export function percentValue(value: unknown, fallback = 100): number {
  return isObject(value) && typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : fallback;
}
