// What a reference being typed can name, per reference type: Gateways, hosts, subsets, ports,
// namespaces, principals, credentials, delegates and policy targets, each with a line of detail and
// a Markdown description. Reads the workspace through the index (per-kind lists, memoized tables),
// never by walking files, so a keystroke costs the same in a large workspace.
import { valueAt } from '../index/field-paths';
import { hostTable, lookupHost, visibleTo } from '../index/host-table';
import { hostsMatch, hostsVisibleTo, serviceOfFqdn } from '../index/hosts';
import type { ReferenceRule, ReferenceSite } from '../index/references';
import { destinationRulesFor, siblingHost, subsetsOf } from '../index/resolve-destination';
import { gatewayServerHosts, MESH_GATEWAY } from '../index/resolve-gateway';
import { credentialSecret, targetRefKind } from '../index/resolve-workload';
import type { IndexView } from '../index/workspace-index';
import { stringMap } from '../index/workloads';
import { isObject, type Resource, resourceLabel } from '../model/resource';
import type { FieldPath } from '../yaml/path';
import { code } from './field-docs';
import { gatewayText, hostEntryText, labelsText, objectLabel, secretText, workloadsText } from './reference-describe';
import { namespaceTable, principalTable } from './reference-tables';
import { subsetWorkloads } from './reference-workloads';

export interface Candidate {
  readonly value: string;
  readonly detail?: string;
  /** Markdown; a function for descriptions that cost something, computed only for the candidates offered. */
  readonly documentation?: string | (() => string);
  /** Lower ranks sort first; within a rank, by value. */
  readonly rank: number;
}

/** The reference being typed: the rule, the resource it is written in and the concrete path. */
export interface Referrer {
  readonly rule: ReferenceRule;
  readonly resource: Resource;
  readonly path: FieldPath;
}

/** A reference site for the value being typed, so the resolvers' helpers (sibling host, credential namespace) apply. */
function siteOf(referrer: Referrer): ReferenceSite {
  return { rule: referrer.rule, resource: referrer.resource, path: referrer.path, value: '' };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function gateways(view: IndexView, referrer: Referrer): Candidate[] {
  const { resource } = referrer;
  const spec = isObject(resource.value.spec) ? resource.value.spec : {};
  const vsHosts = strings(spec.hosts);
  // In a route's match, the gateways the VirtualService binds to are the ones that make sense.
  const bound = referrer.path[1] === 'gateways' ? undefined : new Set(strings(spec.gateways));
  const out: Candidate[] = view.all('Gateway').map((gateway) => {
    const value = gateway.namespace === resource.namespace ? gateway.name : `${gateway.namespace}/${gateway.name}`;
    const serves = gatewayServerHosts(gateway).some((s) => hostsVisibleTo(s.hosts, resource.namespace).some((h) => vsHosts.some((v) => hostsMatch(h.host, v))));
    const preferred = bound ? bound.has(value) || bound.has(`${gateway.namespace}/${gateway.name}`) : serves;
    return { value, detail: resourceLabel(gateway), documentation: () => gatewayText(gateway, view), rank: preferred ? 0 : 1 };
  });
  out.push({
    value: MESH_GATEWAY,
    detail: 'every sidecar of the mesh',
    documentation: `The reserved name ${code(MESH_GATEWAY)}: the rules apply to the sidecars of the mesh rather than to a gateway.`,
    rank: bound?.has(MESH_GATEWAY) ? 0 : 1,
  });
  return out;
}

function hosts(view: IndexView, referrer: Referrer): Candidate[] {
  const namespace = referrer.resource.namespace;
  // A DestinationRule may name a wildcard host; a route destination names one service.
  const wildcards = referrer.rule.from === 'DestinationRule';
  const out: Candidate[] = [];
  for (const entry of hostTable(view)) {
    if (!visibleTo(entry.exportTo, namespace) || (!wildcards && entry.host.startsWith('*'))) continue;
    const service = serviceOfFqdn(entry.host);
    const local = service?.namespace === namespace;
    out.push({ value: local ? service.name : entry.host, detail: resourceLabel(entry.resource), documentation: () => hostEntryText(entry), rank: local ? 0 : 1 });
  }
  return out;
}

function subsets(view: IndexView, referrer: Referrer): Candidate[] {
  const host = siblingHost(siteOf(referrer));
  if (!host) return [];
  const out: Candidate[] = [];
  for (const { rule, wildcard } of destinationRulesFor(view, referrer.resource.namespace, host)) {
    for (const subset of subsetsOf(rule)) {
      const labels = stringMap(subset.labels);
      const parts = [`Subset of ${objectLabel(rule)}.`, `Labels: ${labelsText(labels)}`];
      if (view.hasWorkloads()) parts.push(workloadsText(subsetWorkloads(view, rule, labels)));
      // The referrer's own namespace first, wildcard rules last: the likelier intent first.
      const rank = wildcard ? 2 : rule.namespace === referrer.resource.namespace ? 0 : 1;
      out.push({ value: subset.name, detail: resourceLabel(rule), documentation: parts.join('\n\n'), rank });
    }
  }
  return out;
}

function ports(view: IndexView, referrer: Referrer): Candidate[] {
  const host = siblingHost(siteOf(referrer));
  if (!host) return [];
  return lookupHost(view, referrer.resource.namespace, host).flatMap((entry) =>
    entry.ports.map((port) => ({
      value: String(port.number),
      detail: [port.name, port.appProtocol ?? port.protocol].filter(Boolean).join('/') || undefined,
      documentation: `Port of ${objectLabel(entry.resource)}.`,
      rank: 0,
    })),
  );
}

function namespaces(view: IndexView): Candidate[] {
  return [...namespaceTable(view)].map(([name, info]) => ({
    value: name,
    detail: [info.object ? 'Namespace' : 'namespace', info.resources ? `${info.resources} resource${info.resources === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · '),
    rank: info.object ? 0 : 1,
  }));
}

function principals(view: IndexView): Candidate[] {
  return [...principalTable(view)].map(([principal, info]) => ({
    value: principal,
    detail: info.account ? resourceLabel(info.account) : `service account ${info.namespace}/${info.name}`,
    documentation: () => workloadsText(info.workloads, 'Used by'),
    rank: info.account ? 0 : 1,
  }));
}

const TLS_SECRET = 'kubernetes.io/tls';

function secrets(view: IndexView, referrer: Referrer): Candidate[] {
  // Credentials are read in the namespace of the gateway workload.
  const { namespace } = credentialSecret(siteOf(referrer), view);
  return view.inNamespace('Secret', namespace).map((secret) => {
    const type = typeof secret.value.type === 'string' ? secret.value.type : 'Opaque';
    const data = { ...(isObject(secret.value.data) ? secret.value.data : {}), ...(isObject(secret.value.stringData) ? secret.value.stringData : {}) };
    // Istio also reads generic secrets holding `cert`/`key` or `tls.crt`/`tls.key`.
    const certificate = type === TLS_SECRET ? 0 : 'cert' in data || 'tls.crt' in data ? 1 : 2;
    return { value: secret.name, detail: `${resourceLabel(secret)} · ${type}`, documentation: () => secretText(secret), rank: certificate };
  });
}

function delegates(view: IndexView, referrer: Referrer): Candidate[] {
  const delegate = valueAt(referrer.resource.value, referrer.path.slice(0, -1));
  const written = isObject(delegate) && typeof delegate.namespace === 'string' && delegate.namespace ? delegate.namespace : undefined;
  const namespace = written ?? referrer.resource.namespace;
  // A delegate VirtualService has no hosts of its own.
  return view
    .inNamespace('VirtualService', namespace)
    .filter((vs) => vs !== referrer.resource && vs.name && !(isObject(vs.value.spec) && Array.isArray(vs.value.spec.hosts) && vs.value.spec.hosts.length))
    .map((vs) => ({ value: vs.name, detail: resourceLabel(vs), rank: 0 }));
}

function targetRefs(view: IndexView, referrer: Referrer): Candidate[] {
  const ref = valueAt(referrer.resource.value, referrer.path.slice(0, -1));
  const kind = targetRefKind(ref);
  if (!kind || !isObject(ref)) return [];
  const namespace = typeof ref.namespace === 'string' && ref.namespace ? ref.namespace : referrer.resource.namespace;
  return view.inNamespace(kind, namespace).filter((r) => r.name).map((r) => ({ value: r.name, detail: resourceLabel(r), rank: 0 }));
}

/** Candidates for a non-selector reference being typed. */
export function referenceCandidates(view: IndexView, referrer: Referrer): Candidate[] {
  switch (referrer.rule.type) {
    case 'gateway':
      return gateways(view, referrer);
    case 'host':
      return hosts(view, referrer);
    case 'subset':
      return subsets(view, referrer);
    case 'port':
      return ports(view, referrer);
    case 'namespace':
      return namespaces(view);
    case 'principal':
      return principals(view);
    case 'secret':
      return secrets(view, referrer);
    case 'delegate':
      return delegates(view, referrer);
    case 'target-ref':
      return targetRefs(view, referrer);
    case 'selector':
      return [];
  }
}

