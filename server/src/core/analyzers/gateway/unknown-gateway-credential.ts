// A Gateway TLS server whose `credentialName` names no Secret: the gateway has no certificate for it
// and rejects TLS handshakes on that server. Also the credential lookup IY922 shares.
import type { ReferenceSite } from '../../index/reference-types';
import { referenceSites } from '../../index/references';
import type { IndexView } from '../../index/workspace-index';
import type { Workload } from '../../index/workloads';
import { isObject, type Resource, resourceLabel } from '../../model/resource';
import { closestMatch } from '../../text/suggest';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';
import { gatewayWorkloads, isGatewayWorkload, reportByDecidability, specLabels } from './unmatched-gateway-selector';

/** Objects that create a Secret of a given name in their namespace (cert-manager, sealed and external secrets). */
const SECRET_PRODUCERS: readonly { kind: string; secretName: (r: Resource) => string | undefined }[] = [
  { kind: 'Certificate.cert-manager.io', secretName: (r) => (isObject(r.value.spec) && typeof r.value.spec.secretName === 'string' ? r.value.spec.secretName : undefined) },
  { kind: 'SealedSecret.bitnami.com', secretName: (r) => r.name },
  {
    kind: 'ExternalSecret.external-secrets.io',
    secretName: (r) => {
      const target = isObject(r.value.spec) && isObject(r.value.spec.target) ? r.value.spec.target : undefined;
      return typeof target?.name === 'string' && target.name ? target.name : r.name;
    },
  },
];

export interface CredentialLookup {
  readonly site: ReferenceSite;
  /** Where istiod reads the Secret: the namespace of the first gateway workload the selector matches. */
  readonly namespace: string;
  readonly name: string;
  /** The gateway workload that fixed the namespace, when the workspace has one. */
  readonly workload?: Workload;
  /** The Secret, when the workspace holds it. */
  readonly secret?: Resource;
  /** An object that will create the Secret (a cert-manager Certificate, …), when there is no Secret. */
  readonly producer?: Resource;
}

/**
 * Every credential reference of a Gateway with where istiod looks for it. Gateways whose selector
 * matches no workload in a workspace that has gateway workloads are skipped: IY920 reports those, and
 * without a workload there is no namespace to look in. A gateway workload outside the workspace is
 * assumed to run in the Gateway's own namespace, the usual layout.
 */
export function credentialLookups(resource: Resource, view: IndexView): CredentialLookup[] {
  const sites = referenceSites(resource).filter((s) => s.rule.type === 'secret');
  if (!sites.length) return [];
  const matched = gatewayWorkloads(view, specLabels(resource.value, 'selector'));
  if (!matched.length && view.workloads().some(isGatewayWorkload)) return [];
  const workload = matched[0];
  return sites.map((site) => {
    const slash = site.value.indexOf('/');
    const namespace = slash >= 0 ? site.value.slice(0, slash) : (workload?.namespace ?? resource.namespace);
    const name = slash >= 0 ? site.value.slice(slash + 1) : site.value;
    const secret = view.get('Secret', namespace, name);
    const producer = secret ? undefined : secretProducers(view, namespace).find((p) => p.secretName === name)?.resource;
    return { site, namespace, name, workload, secret, producer };
  });
}

function secretProducers(view: IndexView, namespace: string): { resource: Resource; secretName: string }[] {
  return SECRET_PRODUCERS.flatMap((p) =>
    view
      .inNamespace(p.kind, namespace)
      .map((r) => ({ resource: r, secretName: p.secretName(r) ?? '' }))
      .filter((x) => x.secretName),
  );
}

function secretsKnown(view: IndexView): boolean {
  return view.has('Secret') || SECRET_PRODUCERS.some((p) => view.has(p.kind));
}

export const unknownGatewayCredential = defineWorkspaceAnalyzer(
  {
    code: 'IY921',
    name: 'unknown-gateway-credential',
    severity: 'error',
    category: 'reference',
    inputs: ['Gateway'],
    summary: 'A Gateway `credentialName` names a Secret that does not exist where the gateway reads it.',
    istioctl: 'IST0101',
    fix: 'unsafe',
    docs: `## Why
A gateway reads the TLS Secret named by \`credentialName\` from **the namespace of the gateway workload**
(the Pods its selector matches), which is not necessarily the Gateway object's namespace; \`ns/name\`
names another namespace explicitly. Without the Secret the server has no certificate and TLS
handshakes fail.

A cert-manager \`Certificate\`, a \`SealedSecret\` or an \`ExternalSecret\` that creates the Secret counts
as the Secret. When the workspace holds no Secrets at all (Secrets rarely live in repositories), or
the gateway workload is not in the workspace, the finding is information.

## Example
\`\`\`yaml
kind: Gateway
spec:
  selector: {istio: ingressgateway}      # runs in istio-system
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    tls:
      mode: SIMPLE
      credentialName: httpbin-credentail # no Secret istio-system/httpbin-credentail
\`\`\`

## Fix
Change the name to the closest Secret in the gateway workload's namespace.`,
  },
  (ctx) => {
    for (const lookup of credentialLookups(ctx.resource, ctx.index)) {
      if (lookup.secret || lookup.producer) continue;
      const { site, namespace, name, workload } = lookup;
      const candidates = [...ctx.index.inNamespace('Secret', namespace).map((s) => s.name), ...secretProducers(ctx.index, namespace).map((p) => p.secretName)];
      const fixes: FindingFix[] = [];
      const closest = closestMatch(name, candidates);
      const prefix = site.value.includes('/') ? `${namespace}/` : '';
      if (closest) fixes.push({ title: `Change to '${prefix}${closest}'`, edits: [replaceValue(ctx, site.path, prefix + closest)], preferred: true });
      const elsewhere = ctx.index.all('Secret').filter((s) => s.name === name && s.namespace !== namespace);
      const where = workload && !prefix ? `namespace '${namespace}', where the gateway workload ${resourceLabel(workload.resource)} runs` : `namespace '${namespace}'`;
      const hint = elsewhere.length ? `; ${elsewhere.map(resourceLabel).join(', ')} exists, but the gateway only reads Secrets from its own namespace` : '';
      const decidable = !!workload && secretsKnown(ctx.index);
      const why = !secretsKnown(ctx.index)
        ? 'the workspace holds no Secrets, so it may be created elsewhere'
        : 'the gateway workload is not in the workspace, so the Secret was looked up in the Gateway\'s own namespace';
      reportByDecidability(ctx, site.path, `Secret '${name}' not found in ${where}${hint}`, decidable, why, fixes);
    }
  },
);
