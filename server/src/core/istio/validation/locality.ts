// `agent.ValidateLocalityLbSetting`: locality-weighted distribution and failover settings.
import type { PathSegment } from '../../yaml/path';
import { list, num, obj, type JsonObject } from './values';

export interface LocalityFinding {
  readonly path: PathSegment[];
  readonly level: 'error' | 'warning';
  readonly message: string;
}

const TOPOLOGY_LABELS = new Set(['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone']);

/** `validateLocalities`: `*` only once and last, no empty parts, no overlaps. Returns the first problem. */
export function localitiesProblem(localities: readonly string[]): string | undefined {
  const regions = new Map<string, Map<string, Set<string>>>();
  for (const locality of localities) {
    const stars = locality.split('*').length - 1;
    if (stars > 1 || (stars === 1 && !locality.endsWith('*'))) return `locality '${locality}' may contain '*' only once, at the end`;
    if (regions.has('*')) return `locality '${locality}' overlaps with an earlier '*'`;
    const parts = locality.split('/');
    const items = parts.length > 3 ? [parts[0], parts[1], parts.slice(2).join('/')] : parts;
    if (items.some((p) => p === '')) return `locality '${locality}' has an empty region, zone or subzone`;
    const [region, zone, subzone] = items;
    const overlap = `locality '${locality}' overlaps with an earlier locality`;
    let zones = regions.get(region);
    if (items.length === 1) {
      if (zones) return overlap;
      regions.set(region, new Map([['*', new Set(['*'])]]));
    } else if (items.length === 2) {
      if (zones) {
        if (zones.has('*') || zones.has(zone)) return overlap;
        zones.set(zone, new Set(['*']));
      } else regions.set(region, new Map([[zone, new Set(['*'])]]));
    } else {
      if (!zones) regions.set(region, (zones = new Map()));
      else if (zones.has('*')) return overlap;
      const subzones = zones.get(zone);
      if (subzones) {
        if (subzones.has('*') || subzones.has(subzone)) return overlap;
        subzones.add(subzone);
      } else zones.set(zone, new Set([subzone]));
    }
  }
  return undefined;
}

export function localityFindings(lb: JsonObject, outlier: unknown, path: PathSegment[]): LocalityFinding[] {
  const out: LocalityFinding[] = [];
  const distribute = list(lb.distribute);
  const failover = list(lb.failover);
  const failoverPriority = list(lb.failoverPriority);
  if (distribute.length > 0 && failover.length > 0) {
    return [{ path: [...path, 'failover'], level: 'error', message: "'distribute' and 'failover' cannot both be set" }];
  }
  if (failover.length > 0) {
    for (let i = 0; i < failoverPriority.length; i++) {
      const label = failoverPriority[i];
      if (typeof label === 'string' && TOPOLOGY_LABELS.has(label)) {
        return [{ path: [...path, 'failoverPriority', i], level: 'error', message: `'failover' and the topology label '${label}' in 'failoverPriority' cannot both be set` }];
      }
    }
  }
  const sources: string[] = [];
  for (let i = 0; i < distribute.length; i++) {
    const entry = obj(distribute[i]);
    if (!entry) continue;
    if (typeof entry.from === 'string') sources.push(entry.from);
    const to = obj(entry.to) ?? {};
    let total = 0;
    for (const key of Object.keys(to)) {
      const weight = num(to[key]);
      if (weight === undefined) continue;
      if (weight <= 0 || weight > 100) {
        return [...out, { path: [...path, 'distribute', i, 'to', key], level: 'error', message: `locality weight ${weight} is not within 1–100` }];
      }
      total += weight;
    }
    if (total !== 100) {
      return [...out, { path: [...path, 'distribute', i, 'to'], level: 'error', message: `the weights for '${String(entry.from ?? '')}' add up to ${total}; they must add up to exactly 100` }];
    }
    const problem = localitiesProblem(Object.keys(to));
    if (problem) out.push({ path: [...path, 'distribute', i, 'to'], level: 'error', message: problem });
  }
  const sourceProblem = localitiesProblem(sources);
  if (sourceProblem) out.push({ path: [...path, 'distribute'], level: 'error', message: sourceProblem });
  if ((failover.length > 0 || failoverPriority.length > 0) && (outlier === undefined || outlier === null)) {
    out.push({ path: [...path, failover.length > 0 ? 'failover' : 'failoverPriority'], level: 'warning', message: 'locality failover only happens when endpoints are ejected as unhealthy; add an outlierDetection policy' });
  }
  failover.forEach((item, i) => {
    const f = obj(item);
    if (!f) return;
    const from = typeof f.from === 'string' ? f.from : '';
    const to = typeof f.to === 'string' ? f.to : '';
    const at = [...path, 'failover', i];
    if (from === to) out.push({ path: at, level: 'error', message: `failover from '${from}' to '${to}' must name different regions` });
    if (from.includes('/') || to.includes('/')) out.push({ path: at, level: 'error', message: 'failover only takes regions, not zones (no \'/\')' });
    if (from.includes('*') || to.includes('*')) out.push({ path: at, level: 'error', message: "failover regions may not contain '*'" });
  });
  return out;
}
