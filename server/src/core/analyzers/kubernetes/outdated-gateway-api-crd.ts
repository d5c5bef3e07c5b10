// A Gateway API CRD older than the version Istio requires: Istio ignores its resources.
import { annotationsOf } from '../../kubernetes/objects';
import { defineWorkspaceAnalyzer } from '../framework';

const BUNDLE_VERSION = 'gateway.networking.k8s.io/bundle-version';

/** Minimum bundle versions Istio 1.32 accepts per CRD (`gatewayapi.MinimumCRDVersions`). */
const MINIMUM: Readonly<Record<string, readonly [number, number, number]>> = {
  'grpcroutes.gateway.networking.k8s.io': [1, 1, 0],
  'backendtlspolicies.gateway.networking.k8s.io': [1, 4, 0],
  'tlsroutes.gateway.networking.k8s.io': [1, 5, 0],
  'tcproutes.gateway.networking.k8s.io': [1, 6, 0],
};

/** A semantic version as Masterminds/semver reads it leniently (`v` prefix, missing minor/patch). */
function parseVersion(text: string): [number, number, number] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function less(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

export const outdatedGatewayApiCrd = defineWorkspaceAnalyzer(
  {
    code: 'IY981',
    name: 'outdated-gateway-api-crd',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['CustomResourceDefinition'],
    summary: 'A Gateway API CRD is older than the version Istio requires, so Istio ignores its resources.',
    istioctl: 'IST0176',
    docs: `## Why
Istio watches a Gateway API CRD only when its \`gateway.networking.k8s.io/bundle-version\` annotation
is at least the version it was built for; an older CRD is filtered out silently, so its routes never
attach (a TLS passthrough Gateway reports \`attachedRoutes: 0\`). Minimums: GRPCRoute 1.1.0,
BackendTLSPolicy 1.4.0, TLSRoute 1.5.0, TCPRoute 1.6.0 (pre-release suffixes are ignored).

## Example
\`\`\`yaml
kind: CustomResourceDefinition
metadata:
  name: tlsroutes.gateway.networking.k8s.io
  annotations:
    gateway.networking.k8s.io/bundle-version: v1.4.1   # install Gateway API 1.5.0 or later
\`\`\``,
  },
  (ctx) => {
    if (ctx.resource.group !== 'apiextensions.k8s.io') return;
    const minimum = MINIMUM[ctx.resource.name];
    const written = annotationsOf(ctx.resource)[BUNDLE_VERSION];
    const version = written !== undefined ? parseVersion(written) : undefined;
    if (!minimum || !version || !less(version, minimum)) return;
    ctx.report({
      path: ['metadata', 'annotations', BUNDLE_VERSION],
      message: `CRD ${ctx.resource.name} is Gateway API ${written}, older than ${minimum.join('.')} which Istio requires: Istio ignores its resources; upgrade the Gateway API CRDs`,
    });
  },
);
