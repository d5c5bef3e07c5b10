// Egress hosts of one Sidecar listener that repeat or are already covered by `ns/*` or `*/*`.
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const overlappingSidecarEgressHost = defineAnalyzer(
  {
    code: 'IY454',
    name: 'overlapping-sidecar-egress-host',
    severity: 'warning',
    category: 'admission',
    inputs: ['Sidecar'],
    summary: 'An egress host of a Sidecar listener repeats, or is covered by `<namespace>/*` or `*/*` in the same listener.',
    istioctl: 'IST0133',
    docs: `## Why
\`<namespace>/*\` already imports every service of that namespace, and \`*/*\` every service of the mesh, so listing more hosts next to them has no effect; istiod warns about such duplicates.

## Example
\`\`\`yaml
egress:
- hosts:
  - "istio-system/*"
  - "istio-system/istiod.istio-system.svc.cluster.local"   # covered by istio-system/*
  - "*/*"                                                   # covers everything above
\`\`\`

## Fix
Keep only the broadest entry you need.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const namespace = ctx.resource.namespace;
    list(spec.egress).forEach((item, i) => {
      const hosts = list(obj(item)?.hosts);
      const byNamespace = new Map<string, Set<string>>();
      hosts.forEach((host, k) => {
        if (typeof host !== 'string') return;
        const slash = host.indexOf('/');
        if (slash < 0) return;
        const ns = host.slice(0, slash) === '.' ? namespace : host.slice(0, slash);
        const name = host.slice(slash + 1);
        let names = byNamespace.get(ns);
        if (!names) byNamespace.set(ns, (names = new Set()));
        const duplicate = name !== '*' ? names.has(name) || names.has('*') : names.size > 0;
        if (duplicate) ctx.report({ path: ['spec', 'egress', i, 'hosts', k], message: `egress host '${host}' is already covered by an earlier host of this listener` });
        names.add(name);
      });
      if (byNamespace.get('*')?.has('*') && byNamespace.size > 1) {
        ctx.report({ path: ['spec', 'egress', i, 'hosts'], target: 'key', message: "'*/*' selects every host; the other hosts of this listener have no effect" });
      }
    });
  },
);
