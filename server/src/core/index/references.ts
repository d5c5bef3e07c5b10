// THE table of references between resources. Diagnostics for unknown references, go-to-definition,
// find-references, rename, reference hovers and the routing graph all read it, so they cannot
// disagree about what a field names. Add a row here and every feature learns the new reference.
import type { Resource } from '../model/resource';
import { expandPattern } from './field-paths';
import { GATEWAY_API_GATEWAY, type KindKey } from './kind-key';
import type { ReferenceRule, ReferenceSite, Resolution } from './reference-types';
import { resolveGateway } from './resolve-gateway';
import { resolveDelegate, resolveHost, resolvePort, resolveSubset } from './resolve-destination';
import { resolveNamespace, resolvePrincipal, resolveSecret, resolveSelector, resolveTargetRef } from './resolve-workload';
import type { IndexView } from './workspace-index';
import { keyOf } from './workspace-index';
import { stringMap, WORKLOAD_KINDS } from './workloads';

export type { ReferenceRule, ReferenceSite, Resolution, ReferenceType, Target } from './reference-types';

const HOSTS: KindKey[] = ['Service', 'ServiceEntry'];
const GATEWAYS: KindKey[] = ['Gateway', GATEWAY_API_GATEWAY];
const TARGET_REF_KINDS: KindKey[] = ['Service', 'ServiceEntry', GATEWAY_API_GATEWAY, 'GatewayClass.gateway.networking.k8s.io'];

type Row = Omit<ReferenceRule, 'from'>;

function destination(prefix: string, mirror = false): Row[] {
  return [
    { path: `${prefix}.host`, type: 'host', to: HOSTS, label: mirror ? 'mirror host' : 'destination host', mirror, resolve: resolveHost },
    { path: `${prefix}.subset`, type: 'subset', to: ['DestinationRule'], label: 'subset', mirror, resolve: resolveSubset },
    { path: `${prefix}.port.number`, type: 'port', to: HOSTS, label: 'destination port', mirror, resolve: resolvePort },
  ];
}

function selector(path: string, selectorScope: ReferenceRule['selectorScope'] = 'namespace'): Row {
  return { path, type: 'selector', to: WORKLOAD_KINDS, label: 'workload selector', selectorScope, resolve: resolveSelector };
}

const targetRefs: Row[] = [
  { path: 'spec.targetRef.name', type: 'target-ref', to: TARGET_REF_KINDS, label: 'policy target', resolve: resolveTargetRef },
  { path: 'spec.targetRefs[*].name', type: 'target-ref', to: TARGET_REF_KINDS, label: 'policy target', resolve: resolveTargetRef },
];

const TABLE: Record<KindKey, Row[]> = {
  VirtualService: [
    { path: 'spec.gateways[*]', type: 'gateway', to: GATEWAYS, label: 'gateway', resolve: resolveGateway },
    { path: 'spec.http[*].match[*].gateways[*]', type: 'gateway', to: GATEWAYS, label: 'gateway', resolve: resolveGateway },
    { path: 'spec.tcp[*].match[*].gateways[*]', type: 'gateway', to: GATEWAYS, label: 'gateway', resolve: resolveGateway },
    { path: 'spec.tls[*].match[*].gateways[*]', type: 'gateway', to: GATEWAYS, label: 'gateway', resolve: resolveGateway },
    ...destination('spec.http[*].route[*].destination'),
    ...destination('spec.tcp[*].route[*].destination'),
    ...destination('spec.tls[*].route[*].destination'),
    ...destination('spec.http[*].mirror', true),
    ...destination('spec.http[*].mirrors[*].destination', true),
    { path: 'spec.http[*].delegate.name', type: 'delegate', to: ['VirtualService'], label: 'delegate VirtualService', resolve: resolveDelegate },
  ],
  DestinationRule: [
    { path: 'spec.host', type: 'host', to: HOSTS, label: 'host', resolve: resolveHost },
    selector('spec.subsets[*].labels', 'host-namespace'),
  ],
  Gateway: [
    selector('spec.selector', 'any-namespace'),
    { path: 'spec.servers[*].tls.credentialName', type: 'secret', to: ['Secret'], label: 'credential', resolve: resolveSecret },
    { path: 'spec.servers[*].tls.credentialNames[*]', type: 'secret', to: ['Secret'], label: 'credential', resolve: resolveSecret },
  ],
  ServiceEntry: [selector('spec.workloadSelector.labels')],
  Sidecar: [selector('spec.workloadSelector.labels')],
  EnvoyFilter: [selector('spec.workloadSelector.labels'), ...targetRefs],
  AuthorizationPolicy: [
    selector('spec.selector.matchLabels'),
    ...targetRefs,
    { path: 'spec.rules[*].from[*].source.namespaces[*]', type: 'namespace', to: ['Namespace'], label: 'source namespace', resolve: resolveNamespace },
    { path: 'spec.rules[*].from[*].source.notNamespaces[*]', type: 'namespace', to: ['Namespace'], label: 'source namespace', resolve: resolveNamespace },
    { path: 'spec.rules[*].from[*].source.principals[*]', type: 'principal', to: ['ServiceAccount', ...WORKLOAD_KINDS], label: 'principal', resolve: resolvePrincipal },
    { path: 'spec.rules[*].from[*].source.notPrincipals[*]', type: 'principal', to: ['ServiceAccount', ...WORKLOAD_KINDS], label: 'principal', resolve: resolvePrincipal },
  ],
  PeerAuthentication: [selector('spec.selector.matchLabels')],
  RequestAuthentication: [selector('spec.selector.matchLabels'), ...targetRefs],
  Telemetry: [selector('spec.selector.matchLabels'), ...targetRefs],
  WasmPlugin: [selector('spec.selector.matchLabels'), ...targetRefs],
  ProxyConfig: [selector('spec.selector.matchLabels')],
};

export const REFERENCE_RULES: readonly ReferenceRule[] = Object.entries(TABLE).flatMap(([from, rows]) => rows.map((row) => ({ ...row, from })));

const RULES_BY_KIND = new Map<KindKey, ReferenceRule[]>();
for (const rule of REFERENCE_RULES) {
  let list = RULES_BY_KIND.get(rule.from);
  if (!list) RULES_BY_KIND.set(rule.from, (list = []));
  list.push(rule);
}

const siteCache = new WeakMap<Resource, readonly ReferenceSite[]>();

/** Every reference a resource makes, in table order. Depends on the resource alone, so it is cached. */
export function referenceSites(resource: Resource): readonly ReferenceSite[] {
  let sites = siteCache.get(resource);
  if (sites) return sites;
  const out: ReferenceSite[] = [];
  const rules = resource.istioKind ? (RULES_BY_KIND.get(keyOf(resource)) ?? []) : [];
  for (const rule of rules) {
    for (const match of expandPattern(resource.value, rule.path)) {
      if (rule.type === 'selector') {
        const labels = stringMap(match.value);
        out.push({ rule, resource, path: match.path, value: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','), labels });
      } else if (typeof match.value === 'string' || typeof match.value === 'number') {
        out.push({ rule, resource, path: match.path, value: String(match.value) });
      }
    }
  }
  siteCache.set(resource, (sites = out));
  return sites;
}

export function resolveSite(site: ReferenceSite, view: IndexView): Resolution {
  return site.rule.resolve(site, view);
}
