// Go to definition: from a reference site under the cursor (a subset, a gateway name, a host, a port,
// a selector label, a principal, a credential, a namespace, a targetRef, a delegate) to what it names,
// as the reference table resolves it.
import { resolveSite, type ReferenceSite, type Target } from '../index/references';
import { stringMap } from '../index/workloads';
import type { Location, Position } from '../types';
import { valueAt } from '../index/field-paths';
import { locationOf, type NavigationHost, siteAt, spotAt, type Spot, targetLocation, uniqueLocations } from './reference-places';

/** A selector's target is a workload's labels; on one label of the selector, show that label. */
function selectorTargetLocation(host: NavigationHost, spot: Spot, site: ReferenceSite, target: Target): Location | undefined {
  const label = spot.path.length === site.path.length + 1 ? spot.path[site.path.length] : undefined;
  if (typeof label === 'string' && label in stringMap(valueAt(target.resource.value, target.path))) {
    return locationOf(host, target.resource, [...target.path, label], 'entry');
  }
  return targetLocation(host, target);
}

export function definition(host: NavigationHost, uri: string, position: Position): Location[] {
  const file = host.file(uri);
  const spot = file && spotAt(file, position);
  const site = spot && siteAt(spot);
  if (!spot || !site) return [];
  const { targets } = resolveSite(site, host.index().view());
  return uniqueLocations(targets.map((t) => (site.rule.type === 'selector' ? selectorTargetLocation(host, spot, site, t) : targetLocation(host, t))));
}
