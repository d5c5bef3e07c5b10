// A Sidecar for an ambient-mode namespace or workload: ambient workloads have no sidecar proxy, so the
// Sidecar configures nothing. Also the ambient and injection facts other analyzers share.
import type { IndexView } from '../../index/workspace-index';
import { type Labels, stringMap, type Workload } from '../../index/workloads';
import { isObject, type Resource, resourceLabel } from '../../model/resource';
import { defineWorkspaceAnalyzer } from '../framework';
import { SIDECAR_SELECTOR_PATH, selectedInNamespace, sidecarSelector } from './unmatched-sidecar-selector';

const DATAPLANE_MODE = 'istio.io/dataplane-mode';
const REDIRECTION = 'ambient.istio.io/redirection';
const INJECT = 'sidecar.istio.io/inject';

/** The Namespace object of a namespace, when the workspace has one. */
export function namespaceObject(view: IndexView, name: string): Resource | undefined {
  return view.all('Namespace').find((n) => n.name === name);
}

export function metadataLabels(resource: Resource | undefined): Labels {
  return stringMap(resource && isObject(resource.value.metadata) ? resource.value.metadata.labels : undefined);
}

/** Ambient namespace: `istio.io/dataplane-mode=ambient`, unless sidecar injection is also enabled there. */
export function namespaceInAmbient(namespace: Resource | undefined): boolean {
  const labels = metadataLabels(namespace);
  return labels[DATAPLANE_MODE] === 'ambient' && labels['istio-injection'] !== 'enabled' && !labels['istio.io/rev'];
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 't', 'true'].includes(value.toLowerCase());
}

/** The workload carries a sidecar proxy, or asks for one with `sidecar.istio.io/inject`. */
export function hasSidecarProxy(w: Workload): boolean {
  const containers = Array.isArray(w.podSpec?.containers) ? w.podSpec.containers : [];
  if (containers.some((c) => isObject(c) && c.name === 'istio-proxy')) return true;
  return isTrue(w.labels[INJECT] ?? w.annotations[INJECT]);
}

/**
 * Why a workload runs in ambient mode, or undefined when it does not. A running Pod carries the CNI's
 * `ambient.istio.io/redirection: enabled` annotation; a manifest (a Deployment's pod template) does not,
 * so its own `istio.io/dataplane-mode` label and its namespace's decide, as they do when it is deployed.
 */
export function ambientReason(view: IndexView, w: Workload): string | undefined {
  if (w.annotations[REDIRECTION] === 'enabled') return `annotation ${REDIRECTION}: enabled`;
  const mode = w.labels[DATAPLANE_MODE];
  if (mode === 'ambient') return `label ${DATAPLANE_MODE}=ambient`;
  if (mode === 'none' || hasSidecarProxy(w)) return undefined;
  return namespaceInAmbient(namespaceObject(view, w.namespace)) ? `namespace '${w.namespace}' is labelled ${DATAPLANE_MODE}=ambient` : undefined;
}

export const ineffectiveSidecarInAmbient = defineWorkspaceAnalyzer(
  {
    code: 'IY929',
    name: 'ineffective-sidecar-in-ambient',
    severity: 'warning',
    category: 'workspace',
    inputs: ['Sidecar'],
    summary: 'A Sidecar applies to an ambient-mode namespace or workload, which has no sidecar proxy to configure.',
    istioctl: 'IST0167',
    docs: `## Why
Workloads in ambient mode have no sidecar proxy: ztunnel and waypoint proxies carry their traffic, and
the Sidecar resource does not configure those. A Sidecar without workloadSelector in a namespace
labelled \`istio.io/dataplane-mode=ambient\` (and not also enabled for sidecar injection), or a Sidecar
whose selector matches an ambient workload, has no effect.

A workload is ambient when it carries the \`ambient.istio.io/redirection: enabled\` annotation (running
Pods), the \`istio.io/dataplane-mode=ambient\` label, or lives in an ambient namespace without opting out
(\`istio.io/dataplane-mode=none\`) or asking for a sidecar.

## Example
\`\`\`yaml
kind: Namespace
metadata:
  name: shop
  labels: {istio.io/dataplane-mode: ambient}
---
kind: Sidecar
metadata: {name: default, namespace: shop}    # has no effect in an ambient namespace
spec:
  egress:
  - hosts: ["./*"]
\`\`\``,
  },
  (ctx) => {
    const selector = sidecarSelector(ctx.resource);
    if (!Object.keys(selector).length) {
      const namespace = namespaceObject(ctx.index, ctx.resource.namespace);
      if (!namespace || !namespaceInAmbient(namespace)) return;
      ctx.report({
        path: ['metadata', 'name'],
        message: `namespace '${ctx.resource.namespace}' runs in ambient mode (${DATAPLANE_MODE}=ambient): its workloads have no sidecar proxy, so this Sidecar has no effect`,
        related: [{ resource: namespace, path: ['metadata', 'labels', DATAPLANE_MODE], message: 'ambient mode is enabled here' }],
      });
      return;
    }
    for (const w of selectedInNamespace(ctx.index, ctx.resource, selector)) {
      const reason = ambientReason(ctx.index, w);
      if (!reason) continue;
      ctx.report({
        path: SIDECAR_SELECTOR_PATH,
        message: `the selected workload ${resourceLabel(w.resource)} runs in ambient mode (${reason}) and has no sidecar proxy, so this Sidecar has no effect on it`,
        related: [{ resource: w.resource, path: w.labelsPath, message: 'ambient workload selected by the Sidecar' }],
      });
      return;
    }
  },
);
