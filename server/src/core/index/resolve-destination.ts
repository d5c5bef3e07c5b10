// Route destinations: host → Service/ServiceEntry, subset → DestinationRule subset, port → the
// host's port, delegate → VirtualService. Istiod's rules: short hosts expand in the referrer's
// namespace, targets must be exported to it, wildcard ServiceEntry hosts cover names under them.
import { isObject, type Resource } from '../model/resource';
import type { FieldPath } from '../yaml/path';
import { facetDependency, WILDCARD_FACET } from './dependency-keys';
import { valueAt } from './field-paths';
import { lookupHost, resolveExportTo, visibleTo } from './host-table';
import { hostSubsetOf, toFqdn } from './hosts';
import type { Resolution, ReferenceSite, Target } from './reference-types';
import type { IndexView } from './workspace-index';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function resolveHost(site: ReferenceSite, view: IndexView): Resolution {
  const targets = lookupHost(view, site.resource.namespace, site.value).map((e) => ({ resource: e.resource, path: e.path }));
  return { targets, decidable: view.has('Service') || view.has('ServiceEntry') };
}

/** The `host` written beside a subset or port (`destination.host`, `mirror.host`). */
export function siblingHost(site: ReferenceSite): string | undefined {
  const parent = site.rule.type === 'port' ? site.path.slice(0, -2) : site.path.slice(0, -1);
  const host = valueAt(site.resource.value, [...parent, 'host']);
  return typeof host === 'string' ? host : undefined;
}

export interface DestinationRuleForHost {
  readonly rule: Resource;
  /** The DR's host is a wildcard covering the destination rather than the destination itself. */
  readonly wildcard: boolean;
}

/** DestinationRules whose host covers a destination host written in `namespace`, visible there. */
export function destinationRulesFor(view: IndexView, namespace: string, host: string): DestinationRuleForHost[] {
  const fqdn = toFqdn(namespace, host);
  const out: DestinationRuleForHost[] = [];
  // Only the rules for this exact host and the wildcard ones can match: look them up rather than
  // scanning every rule (analyzers ask for every destination of every VirtualService), in workspace order.
  // The answer depends on the rules for this host and the wildcard rules only: an edit of another
  // host's rule does not touch it.
  const keys = [facetDependency('DestinationRule', 'host', fqdn.startsWith('*') ? WILDCARD_FACET : fqdn), facetDependency('DestinationRule', 'host', WILDCARD_FACET)];
  const { rules, byHost, wildcards } = view.derived('destination-rule-hosts', ['DestinationRule'], ruleHosts, fqdn.startsWith('*') ? undefined : keys);
  const positions = [...(byHost.get(fqdn) ?? []), ...wildcards.filter((i) => rules[i].host !== fqdn)].sort((a, b) => a - b);
  for (const i of positions) {
    const { rule, host: drHost, exportTo } = rules[i];
    if (!visibleTo(exportTo, namespace)) continue;
    if (drHost === fqdn) out.push({ rule, wildcard: false });
    else if (hostSubsetOf(fqdn, drHost)) out.push({ rule, wildcard: true });
  }
  return out;
}

interface RuleHost {
  readonly rule: Resource;
  /** The host expanded in the rule's namespace. */
  readonly host: string;
  readonly exportTo: readonly string[] | '*';
}

function ruleHosts(view: IndexView): { rules: RuleHost[]; byHost: Map<string, number[]>; wildcards: number[] } {
  const rules: RuleHost[] = [];
  const byHost = new Map<string, number[]>();
  const wildcards: number[] = [];
  for (const dr of view.all('DestinationRule')) {
    const spec = isObject(dr.value.spec) ? dr.value.spec : {};
    if (typeof spec.host !== 'string' || !spec.host) continue;
    const host = toFqdn(dr.namespace, spec.host);
    const i = rules.push({ rule: dr, host, exportTo: resolveExportTo(strings(spec.exportTo), dr.namespace) }) - 1;
    const list = byHost.get(host);
    if (list) list.push(i);
    else byHost.set(host, [i]);
    if (host.startsWith('*')) wildcards.push(i);
  }
  return { rules, byHost, wildcards };
}

/** Subset entries (`spec.subsets[i]`) of a DestinationRule. */
export function subsetsOf(dr: Resource): { name: string; path: FieldPath; labels: Record<string, unknown> }[] {
  const spec = isObject(dr.value.spec) ? dr.value.spec : {};
  if (!Array.isArray(spec.subsets)) return [];
  return spec.subsets.flatMap((s, i) => (isObject(s) && typeof s.name === 'string' ? [{ name: s.name, path: ['spec', 'subsets', i] as FieldPath, labels: isObject(s.labels) ? s.labels : {} }] : []));
}

export function resolveSubset(site: ReferenceSite, view: IndexView): Resolution {
  const host = siblingHost(site);
  if (!host) return { targets: [], decidable: false };
  const targets: Target[] = [];
  for (const { rule } of destinationRulesFor(view, site.resource.namespace, host)) {
    for (const subset of subsetsOf(rule)) if (subset.name === site.value) targets.push({ resource: rule, path: [...subset.path, 'name'] });
  }
  return { targets, decidable: view.has('DestinationRule') };
}

export function resolvePort(site: ReferenceSite, view: IndexView): Resolution {
  const host = siblingHost(site);
  if (!host) return { targets: [], decidable: false };
  const entries = lookupHost(view, site.resource.namespace, host);
  const targets: Target[] = [];
  for (const e of entries) for (const p of e.ports) if (String(p.number) === site.value) targets.push({ resource: e.resource, path: p.path });
  // Only decidable when the host itself is known: an unknown host is its own finding.
  return { targets, decidable: entries.length > 0 };
}

export function resolveDelegate(site: ReferenceSite, view: IndexView): Resolution {
  const delegate = valueAt(site.resource.value, site.path.slice(0, -1));
  const namespace = isObject(delegate) && typeof delegate.namespace === 'string' && delegate.namespace ? delegate.namespace : site.resource.namespace;
  const target = view.get('VirtualService', namespace, site.value);
  return { targets: target ? [{ resource: target, path: ['metadata', 'name'] }] : [], decidable: view.has('VirtualService') };
}
