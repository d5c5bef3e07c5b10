// Hover on a reference: what the value names in the workspace (a subset's DestinationRule and its
// workloads, a Gateway's servers, a host's Service or ServiceEntry and ports, the workloads a
// selector selects, a principal's ServiceAccount), or that it names nothing the workspace defines.
// Read from the reference table, so the hover and the unknown-reference diagnostics agree. When the
// workspace holds none of the target kinds, the target may live elsewhere: no reference section.
import { lookupHost } from '../index/host-table';
import { referenceSites, type ReferenceSite, resolveSite, type Target } from '../index/references';
import { destinationRulesFor, siblingHost, subsetsOf } from '../index/resolve-destination';
import { parseGatewayName } from '../index/resolve-gateway';
import { credentialSecret, parsePrincipal, selectedWorkloads } from '../index/resolve-workload';
import type { IndexView } from '../index/workspace-index';
import { stringMap, type Workload, workloadOf } from '../index/workloads';
import type { Resource } from '../model/resource';
import type { FieldPath } from '../yaml/path';
import { code } from './field-docs';
import { gatewayText, hostEntryText, labelsText, objectLabel, portText, secretText, workloadsText } from './reference-describe';
import { namespaceTable } from './reference-tables';
import { subsetWorkloads } from './reference-workloads';

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && startsWith(a, b);
}

/** The reference site under a hovered path: a scalar reference's value, or anything in a selector's label map. */
function siteAt(resource: Resource, path: FieldPath, onKey: boolean): ReferenceSite | undefined {
  return referenceSites(resource).find((site) => {
    if (site.rule.type === 'selector') return startsWith(path, site.path) && (path.length === site.path.length + 1 || (path.length === site.path.length && onKey));
    return !onKey && samePath(path, site.path);
  });
}

function heading(site: ReferenceSite): string {
  return site.rule.type === 'selector' ? `**${site.rule.label}** ${labelsText(site.labels ?? {})}` : `**${site.rule.label}** ${code(site.value)}`;
}

function builtIn(site: ReferenceSite): string {
  switch (site.rule.type) {
    case 'gateway':
      return `${code(site.value)} is the reserved name for the sidecars of the mesh, not a Gateway object.`;
    case 'selector':
      return 'An empty selector: it selects every workload in its scope.';
    case 'namespace':
      return 'A pattern: it matches every namespace rather than naming one.';
    case 'principal':
      return 'A pattern or an identity not of the form `<trust domain>/ns/<namespace>/sa/<account>`: nothing to look up.';
    default:
      return 'Built in: nothing to look up in the workspace.';
  }
}

/** What the workspace offers instead, for an unresolved subset: the rules for the host and their subsets. */
function subsetHint(site: ReferenceSite, view: IndexView): string | undefined {
  const host = siblingHost(site);
  if (!host) return undefined;
  const rules = destinationRulesFor(view, site.resource.namespace, host);
  if (!rules.length) return undefined;
  return rules.map(({ rule }) => `${objectLabel(rule)} defines ${subsetsOf(rule).map((s) => code(s.name)).join(', ') || 'no subsets'}.`).join('\n\n');
}

/** What was looked for and not found, in the terms of the reference's type. */
function notFound(site: ReferenceSite, view: IndexView): string {
  const value = code(site.value);
  const namespace = code(site.resource.namespace);
  switch (site.rule.type) {
    case 'gateway': {
      const ref = parseGatewayName(site.value, site.resource.namespace);
      return `Not found in the workspace: no Gateway ${code(ref.name)} in namespace ${code(ref.namespace)}.`;
    }
    case 'host':
      return `Not found in the workspace: no Service or ServiceEntry named ${value} is visible from namespace ${namespace}.`;
    case 'subset': {
      const host = siblingHost(site);
      const hint = subsetHint(site, view);
      return [`Not found in the workspace: no DestinationRule for ${code(host ?? '?')} defines the subset ${value}.`, hint].filter(Boolean).join('\n\n');
    }
    case 'port': {
      const host = siblingHost(site) ?? '?';
      const ports = lookupHost(view, site.resource.namespace, host).flatMap((e) => e.ports.map(portText));
      return `Not found in the workspace: ${code(host)} has no port ${value}.${ports.length ? ` Its ports: ${ports.join(', ')}.` : ''}`;
    }
    case 'selector':
      return 'Not found in the workspace: the selector matches no workload.';
    case 'secret': {
      const secret = credentialSecret(site, view);
      return `Not found in the workspace: no Secret ${code(secret.name)} in namespace ${code(secret.namespace)}, where the gateway workload reads it.`;
    }
    case 'principal':
      return `Not found in the workspace: no ServiceAccount or workload runs as ${value}.`;
    case 'namespace': {
      // Namespaces are often created outside the repository; objects placed in one still show it exists.
      const used = namespaceTable(view).get(site.value)?.resources ?? 0;
      if (used) return `No Namespace object ${value} in the workspace, but ${used === 1 ? '1 object lives' : `${used} objects live`} in that namespace.`;
      return `Not found in the workspace: no Namespace ${value}, and no object lives in it.`;
    }
    default:
      return `Not found in the workspace: no ${[...new Set(site.rule.to.map((k) => k.split('.')[0]))].join(' or ')} ${value}.`;
  }
}

function subsetTarget(target: Target, view: IndexView): string {
  const index = target.path[2];
  const subset = subsetsOf(target.resource).find((s) => s.path[2] === index);
  const labels = stringMap(subset?.labels);
  const parts = [`Subset of ${objectLabel(target.resource)}.`, `Labels: ${labelsText(labels)}`];
  if (view.hasWorkloads()) parts.push(workloadsText(subsetWorkloads(view, target.resource, labels)));
  return parts.join('\n\n');
}

function hostTargets(site: ReferenceSite, targets: readonly Target[], view: IndexView): string {
  const host = site.rule.type === 'port' ? siblingHost(site) : site.value;
  const entries = host ? lookupHost(view, site.resource.namespace, host) : [];
  if (site.rule.type === 'port') {
    return targets
      .map((t) => {
        const port = entries.find((e) => e.resource === t.resource)?.ports.find((p) => samePath(p.path, t.path));
        return `${port ? `Port ${portText(port)}` : 'A port'} of ${objectLabel(t.resource)}.`;
      })
      .join('\n\n');
  }
  const shown = entries.filter((e) => targets.some((t) => t.resource === e.resource && samePath(t.path, e.path)));
  return shown.map(hostEntryText).join('\n\n---\n\n');
}

function principalTargets(site: ReferenceSite, targets: readonly Target[]): string {
  const principal = parsePrincipal(site.value);
  const account = targets.find((t) => t.resource.kind === 'ServiceAccount');
  const workloads = targets.map((t) => (t.resource.kind === 'ServiceAccount' ? undefined : workloadOf(t.resource))).filter((w): w is Workload => !!w);
  const who = account ? `${objectLabel(account.resource)}.` : `Service account ${code(`${principal?.namespace}/${principal?.serviceAccount}`)}; the workspace has no ServiceAccount object for it.`;
  return `${who}\n\n${workloadsText(workloads, 'Used by')}`;
}

function resolved(site: ReferenceSite, targets: readonly Target[], view: IndexView): string {
  switch (site.rule.type) {
    case 'subset':
      return targets.map((t) => subsetTarget(t, view)).join('\n\n---\n\n');
    case 'gateway':
      return targets.map((t) => `${objectLabel(t.resource)}\n\n${gatewayText(t.resource, view)}`).join('\n\n---\n\n');
    case 'host':
    case 'port':
      return hostTargets(site, targets, view);
    case 'selector':
      // A subset's labels select among the workloads behind the rule's host, not the whole namespace.
      return workloadsText(site.rule.from === 'DestinationRule' ? subsetWorkloads(view, site.resource, site.labels ?? {}) : selectedWorkloads(site, view));
    case 'principal':
      return principalTargets(site, targets);
    case 'secret':
      return targets.map((t) => `${objectLabel(t.resource)}. ${secretText(t.resource)}`).join('\n\n');
    default:
      return targets.map((t) => `${objectLabel(t.resource)}.`).join('\n\n');
  }
}

/** The reference section of a hover at a path of a resource, or undefined off references and when undecidable. */
export function referenceHover(resource: Resource, path: FieldPath, onKey: boolean, view: () => IndexView): string | undefined {
  if (!resource.istioKind) return undefined;
  const site = siteAt(resource, path, onKey);
  if (!site) return undefined;
  const index = view();
  const resolution = resolveSite(site, index);
  let body: string;
  if (resolution.builtIn) body = builtIn(site);
  else if (resolution.targets.length) body = resolved(site, resolution.targets, index);
  else if (resolution.decidable) body = notFound(site, index);
  else return undefined;
  return `${heading(site)}\n\n${body}`;
}
