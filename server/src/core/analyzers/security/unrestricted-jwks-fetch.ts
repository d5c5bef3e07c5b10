// RequestAuthentications make istiod fetch JWKS from URLs that any namespace owner chooses; without
// BLOCKED_CIDRS_IN_JWKS_URIS istiod will fetch from private and loopback addresses too.
import { stringMap } from '../../index/workloads';
import { isObject, type Resource, resourceLabel } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { appendListItem } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';

const ENV = 'BLOCKED_CIDRS_IN_JWKS_URIS';
/** Private, loopback and link-local ranges: what an attacker-chosen jwksUri should not reach. */
const SUGGESTED_CIDRS = '10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,127.0.0.0/8,169.254.0.0/16';

/** A RequestAuthentication that makes istiod fetch keys: some rule has no inline `jwks`. */
function fetchesKeys(ra: Resource): boolean {
  const spec = isObject(ra.value.spec) ? ra.value.spec : {};
  const rules = Array.isArray(spec.jwtRules) ? spec.jwtRules : [];
  return rules.some((r) => isObject(r) && !(typeof r.jwks === 'string' && r.jwks));
}

export const unrestrictedJwksFetch = defineWorkspaceAnalyzer(
  {
    code: 'IY939',
    name: 'unrestricted-jwks-fetch',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Deployment'],
    summary: `RequestAuthentications exist but the istiod Deployment does not set ${ENV}.`,
    istioctl: 'IST0175',
    fix: 'unsafe',
    docs: `## Why
For every RequestAuthentication rule without inline \`jwks\`, istiod itself fetches the keys from the
rule's \`jwksUri\` (or the issuer's discovery document). Anyone who may create a RequestAuthentication in
some namespace chooses that URL, so istiod can be made to request internal addresses (server-side
request forgery). Recent istiod versions block link-local and cloud metadata addresses by default;
private and loopback ranges are blocked only when the istiod container sets \`${ENV}\`.

The finding is on the istiod Deployment (labelled \`app: istiod\`) when the workspace holds it and a
RequestAuthentication that fetches keys.

## Example
\`\`\`yaml
kind: Deployment
metadata: {name: istiod, namespace: istio-system, labels: {app: istiod}}
spec:
  template:
    spec:
      containers:
      - name: discovery
        env:
        - name: PILOT_TRACE_SAMPLING      # no ${ENV}
          value: "1"
\`\`\`

## Fix
Add \`${ENV}\` with the private, loopback and link-local ranges (\`${SUGGESTED_CIDRS}\`); keep
reachable any range that serves a JWKS you rely on.`,
  },
  (ctx) => {
    const metadata = isObject(ctx.resource.value.metadata) ? ctx.resource.value.metadata : {};
    if (stringMap(metadata.labels).app !== 'istiod') return;
    const ras = ctx.index.all('RequestAuthentication').filter(fetchesKeys);
    if (!ras.length) return;
    const spec = isObject(ctx.resource.value.spec) ? ctx.resource.value.spec : {};
    const template = isObject(spec.template) && isObject(spec.template.spec) ? spec.template.spec : {};
    const containers = Array.isArray(template.containers) ? template.containers : [];
    const configured = containers.some((c) => isObject(c) && Array.isArray(c.env) && c.env.some((e) => isObject(e) && e.name === ENV && typeof e.value === 'string' && e.value !== ''));
    if (configured) return;
    let index = containers.findIndex((c) => isObject(c) && c.name === 'discovery');
    if (index < 0) index = 0;
    const container = containers[index];
    const containerPath: FieldPath = ['spec', 'template', 'spec', 'containers', index];
    const hasEnv = isObject(container) && Array.isArray(container.env);
    const fixes: FindingFix[] = [];
    const edit = hasEnv ? appendListItem(ctx.resource, [...containerPath, 'env'], `- name: ${ENV}\n  value: "${SUGGESTED_CIDRS}"`) : undefined;
    if (edit) fixes.push({ title: `Set ${ENV} to the private, loopback and link-local ranges`, edits: [edit] });
    const listed = ras.slice(0, 5).map(resourceLabel).join(', ') + (ras.length > 5 ? `, and ${ras.length - 5} more` : '');
    ctx.report({
      path: hasEnv ? [...containerPath, 'env'] : isObject(container) ? [...containerPath, 'name'] : ['metadata', 'name'],
      message: `istiod fetches JWKS for ${ras.length} RequestAuthentication${ras.length > 1 ? 's' : ''} (${listed}) from URLs their authors choose, and ${ENV} is not set: it may be made to request private and loopback addresses`,
      fixes,
      related: ras.slice(0, 5).map((ra) => ({ resource: ra, path: ['spec', 'jwtRules'], message: 'makes istiod fetch a JWKS' })),
    });
  },
);
