// Code lenses: how many routes use each DestinationRule subset, how many VirtualServices bind each
// Gateway (both open the references), and how a weighted route splits its traffic.
import { subsetsOf } from '../index/resolve-destination';
import { routeShares } from '../routing/weights';
import { percentText } from '../routing/text';
import { keyOf } from '../index/workspace-index';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import type { CodeLens, Location } from '../types';
import { sitesReferencing } from './reference-graph';
import { locationOf, type NavigationHost, siteLocation, uniqueLocations } from './reference-places';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function lens(at: Location | undefined, title: string, locations?: readonly Location[], position = at?.range.start): CodeLens[] {
  if (!at) return [];
  return [{ range: at.range, title, references: locations?.length && position ? { position, locations } : undefined }];
}

function subsetLenses(host: NavigationHost, dr: Resource): CodeLens[] {
  const index = host.index();
  return subsetsOf(dr).flatMap((subset) => {
    const path = [...subset.path, 'name'];
    const sites = sitesReferencing(index, { resource: dr, path });
    const locations = uniqueLocations(sites.map((s) => siteLocation(host, s.site)));
    const title = locations.length ? `used by ${plural(locations.length, 'route', 'routes')}` : 'not used by any route';
    return lens(locationOf(host, dr, path), title, locations);
  });
}

function gatewayLenses(host: NavigationHost, gateway: Resource): CodeLens[] {
  const sites = sitesReferencing(host.index(), { resource: gateway, path: ['metadata', 'name'] });
  const bound = new Set(sites.map((s) => s.site.resource)).size;
  const title = bound ? `bound by ${plural(bound, 'VirtualService', 'VirtualServices')}` : 'not bound by any VirtualService';
  const locations = uniqueLocations(sites.map((s) => siteLocation(host, s.site)));
  // Above the resource, opening the references at its name.
  return lens(locationOf(host, gateway, []), title, locations, locationOf(host, gateway, ['metadata', 'name'])?.range.start);
}

/** How a rule's destinations share its traffic (`routeShares`, the routing preview's reading too), as lens text. */
export function trafficSplit(destinations: readonly JsonObject[]): string {
  const labels = destinations.map((d) => {
    const destination = isObject(d.destination) ? d.destination : {};
    const label = destination.subset ?? destination.host;
    return typeof label === 'string' || typeof label === 'number' ? String(label) : '?';
  });
  if (destinations.length === 1) return `${labels[0]} 100%`;
  const { shares } = routeShares(destinations);
  if (shares.every((s) => s.percent === 0)) return `${labels.join(' · ')}: every weight is 0, which Istio rejects`;
  return labels.map((label, i) => `${label} ${percentText(shares[i].percent)}`).join(' · ');
}

function weightLenses(host: NavigationHost, vs: Resource): CodeLens[] {
  const spec = isObject(vs.value.spec) ? vs.value.spec : {};
  return (['http', 'tcp', 'tls'] as const).flatMap((protocol) => {
    const rules = Array.isArray(spec[protocol]) ? (spec[protocol] as unknown[]) : [];
    return rules.flatMap((rule, i) => {
      const route = isObject(rule) && Array.isArray(rule.route) ? rule.route.filter(isObject) : [];
      if (route.length < 2 && !route.some((d) => d.weight !== undefined)) return [];
      return lens(locationOf(host, vs, ['spec', protocol, i, 'route'], 'key'), trafficSplit(route));
    });
  });
}

export function codeLenses(host: NavigationHost, uri: string): CodeLens[] {
  const file = host.file(uri);
  if (!file) return [];
  return file.resources.flatMap((r) => {
    switch (keyOf(r)) {
      case 'DestinationRule':
        return subsetLenses(host, r);
      case 'Gateway':
        return gatewayLenses(host, r);
      case 'VirtualService':
        return weightLenses(host, r);
      default:
        return [];
    }
  });
}
