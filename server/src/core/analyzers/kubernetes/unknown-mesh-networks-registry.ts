// A MeshNetworks endpoint that names a registry (cluster) Istio does not know.
import { ISTIO_NAMESPACE } from '../../index/mesh-config';
import { isObject, type JsonObject } from '../../model/resource';
import { parse } from 'yaml';
import { labelsOf } from '../../kubernetes/objects';
import { defineWorkspaceAnalyzer, type WorkspaceContext } from '../framework';

/** Registries istiod always knows; `Kubernetes` is also the local cluster's default ID. */
const BUILT_IN_REGISTRIES = ['Kubernetes', 'External', 'Mock'];

/** `data.meshNetworks` of the subject: the mesh model's when the subject is its source, else parsed here. */
function meshNetworksOf(ctx: WorkspaceContext): JsonObject | undefined {
  const data = ctx.resource.value.data;
  if (!isObject(data) || typeof data.meshNetworks !== 'string') return undefined;
  if (ctx.index.mesh.source === ctx.resource) return ctx.index.mesh.meshNetworks;
  try {
    const parsed: unknown = parse(data.meshNetworks, { maxAliasCount: 100 });
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Cluster IDs of the remote secrets (label `istio/multiCluster: "true"`): the keys of their data. */
function remoteClusters(ctx: WorkspaceContext): string[] | undefined {
  const secrets = ctx.index.all('Secret').filter((s) => s.group === '' && labelsOf(s)['istio/multiCluster'] === 'true');
  if (!secrets.length) return undefined;
  // Kubernetes folds stringData into data on apply, so istiod sees both.
  return secrets.flatMap((s) => [...Object.keys(isObject(s.value.data) ? s.value.data : {}), ...Object.keys(isObject(s.value.stringData) ? s.value.stringData : {})]);
}

/** The offsets of the `n`-th `fromRegistry: <value>` inside the embedded YAML, when it can be found. */
function locate(ctx: WorkspaceContext, registry: string, occurrence: number): { start: number; end: number } | undefined {
  const [start, end] = ctx.rangeOf(['data', 'meshNetworks']);
  const text = ctx.text.slice(start, end);
  const pattern = /fromRegistry:\s*["']?([^"'\s#]+)/g;
  let seen = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[1] !== registry) continue;
    if (seen++ === occurrence) {
      const at = start + (m.index ?? 0) + m[0].length - m[1].length;
      return { start: at, end: at + m[1].length };
    }
  }
  return undefined;
}

export const unknownMeshNetworksRegistry = defineWorkspaceAnalyzer(
  {
    code: 'IY983',
    name: 'unknown-mesh-networks-registry',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['ConfigMap'],
    summary: 'A MeshNetworks endpoint names a registry that is neither a built-in one nor a cluster of a remote secret.',
    istioctl: 'IST0126',
    docs: `## Why
In a multi-network mesh, \`meshNetworks\` (in the \`istio\` ConfigMap of \`istio-system\`, key
\`meshNetworks\`) assigns the endpoints of each registry to a network with \`fromRegistry\`. The name must
be a cluster ID: \`Kubernetes\` (the local cluster's default ID; the match is case-sensitive), \`External\`,
\`Mock\`, or the ID of a remote cluster, which is a data key of a remote secret (label
\`istio/multiCluster: "true"\`). An unknown name puts no endpoints on that network, so cross-network
traffic is not routed through its gateway. When the workspace holds no remote secret (they are
usually created by \`istioctl create-remote-secret\`, not kept in a repository) or the local cluster
has a custom ID (\`values.global.multiCluster.clusterName\`), the check cannot be sure, and the finding
is information (setting \`istioYaml.references.incompleteWorkspace\`). istioctl reports this as an error.

## Example
\`\`\`yaml
kind: ConfigMap
metadata: { name: istio, namespace: istio-system }
data:
  meshNetworks: |
    networks:
      network1:
        endpoints:
        - fromRegistry: kubernetes   # cluster IDs are case-sensitive: Kubernetes
\`\`\``,
  },
  (ctx) => {
    const r = ctx.resource;
    if (r.group !== '' || r.namespace !== ISTIO_NAMESPACE || !/^istio(-[\w.-]+)?$/.test(r.name)) return;
    const meshNetworks = meshNetworksOf(ctx);
    const networks = meshNetworks && isObject(meshNetworks.networks) ? meshNetworks.networks : undefined;
    if (!networks) return;
    const remotes = remoteClusters(ctx);
    if (!remotes && ctx.options.unresolvedInIncompleteWorkspace === 'off') return;
    const known = new Set([...BUILT_IN_REGISTRIES, ...(remotes ?? [])]);
    const seen = new Map<string, number>();
    for (const [network, value] of Object.entries(networks)) {
      const endpoints = isObject(value) && Array.isArray(value.endpoints) ? value.endpoints : [];
      for (const endpoint of endpoints) {
        const registry = isObject(endpoint) && typeof endpoint.fromRegistry === 'string' ? endpoint.fromRegistry : undefined;
        if (registry === undefined) continue;
        const occurrence = seen.get(registry) ?? 0;
        seen.set(registry, occurrence + 1);
        if (known.has(registry)) continue;
        const hint = BUILT_IN_REGISTRIES.find((b) => b.toLowerCase() === registry.toLowerCase());
        const message = `Network '${network}' takes endpoints from registry '${registry}', which is not a known cluster${hint ? `; cluster IDs are case-sensitive: did you mean '${hint}'?` : ''}`;
        const where = locate(ctx, registry, occurrence) ?? { path: ['data', 'meshNetworks'] };
        if (remotes) ctx.report({ ...where, message: `${message} (known: ${[...known].sort().join(', ')})` });
        else ctx.report({ ...where, message: `${message} (the workspace holds no remote secrets, so it may be the ID of a cluster defined elsewhere)`, severity: 'information' });
      }
    }
  },
);
