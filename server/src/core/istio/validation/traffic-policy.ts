// Walks the traffic policies of a DestinationRule: the top-level policy, each subset's policy, and
// the port-level policies inside them, as `validateTrafficPolicy` and `validatePortTrafficPolicies` do.
import type { PathSegment } from '../../yaml/path';
import { list, obj, type JsonObject } from './values';

export interface PolicyAt {
  readonly policy: JsonObject;
  readonly path: PathSegment[];
  /** True for `portLevelSettings[]` entries. */
  readonly portLevel: boolean;
}

export function trafficPolicies(spec: JsonObject): PolicyAt[] {
  const out: PolicyAt[] = [];
  const add = (value: unknown, path: PathSegment[]): void => {
    const policy = obj(value);
    if (!policy) return;
    out.push({ policy, path, portLevel: false });
    list(policy.portLevelSettings).forEach((item, i) => {
      const port = obj(item);
      if (port) out.push({ policy: port, path: [...path, 'portLevelSettings', i], portLevel: true });
    });
  };
  add(spec.trafficPolicy, ['spec', 'trafficPolicy']);
  list(spec.subsets).forEach((subset, i) => add(obj(subset)?.trafficPolicy, ['spec', 'subsets', i, 'trafficPolicy']));
  return out;
}
