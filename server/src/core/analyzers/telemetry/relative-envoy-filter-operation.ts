// EnvoyFilter patches positioned relative to other filters (INSERT_BEFORE/AFTER, REPLACE, REMOVE) in an
// EnvoyFilter without priority: their order against other EnvoyFilters is undefined. Also the patch
// walk istioctl's EnvoyFilter analyzer does, shared by IY942–IY945.
import type { IndexView } from '../../index/workspace-index';
import { isObject, type Resource } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer } from '../framework';

export interface PatchInfo {
  readonly index: number;
  readonly applyTo: string;
  readonly operation: string;
  /** The filter the patch is about: `patch.value.name`, else the listener filter match's name. */
  readonly instanceName: string;
  /** `match.proxy.proxyVersion` is set. */
  readonly pinned: boolean;
  /** What istiod does with an operation that does not fit `applyTo`. */
  readonly misuse?: 'add' | 'remove' | 'replace';
  /** The patch is placed relative to existing configuration. */
  readonly relative: boolean;
}

const ROUTE_KINDS = new Set(['ROUTE_CONFIGURATION', 'HTTP_ROUTE']);
const REPLACEABLE = new Set(['HTTP_FILTER', 'NETWORK_FILTER', 'VIRTUAL_HOST']);

function nameOf(cp: Record<string, unknown>, patch: Record<string, unknown>): string {
  const value = patch.value;
  if (isObject(value) && value.name !== undefined && value.name !== null) return String(value.name);
  const listener = isObject(cp.match) && isObject(cp.match.listener) ? cp.match.listener : undefined;
  const filter = listener && isObject(listener.filterChain) && isObject(listener.filterChain.filter) ? listener.filterChain.filter : undefined;
  return typeof filter?.name === 'string' ? filter.name : '';
}

/** The config patches in order, up to the first one without `patch` (istioctl stops there). */
export function patchInfos(envoyFilter: Resource): PatchInfo[] {
  const spec = isObject(envoyFilter.value.spec) ? envoyFilter.value.spec : {};
  const patches = Array.isArray(spec.configPatches) ? spec.configPatches : [];
  const out: PatchInfo[] = [];
  for (let index = 0; index < patches.length; index++) {
    const cp = patches[index];
    if (!isObject(cp) || !isObject(cp.patch)) break;
    const applyTo = typeof cp.applyTo === 'string' ? cp.applyTo : '';
    const operation = typeof cp.patch.operation === 'string' ? cp.patch.operation : '';
    const proxy = isObject(cp.match) && isObject(cp.match.proxy) ? cp.match.proxy : undefined;
    let misuse: PatchInfo['misuse'];
    let relative = false;
    if (operation === 'ADD') {
      if (ROUTE_KINDS.has(applyTo)) misuse = 'add';
    } else if (operation === 'REMOVE') {
      if (ROUTE_KINDS.has(applyTo)) misuse = 'remove';
      else relative = true;
    } else if (operation === 'REPLACE') {
      if (!REPLACEABLE.has(applyTo)) misuse = 'replace';
      else relative = true;
    } else if (operation === 'INSERT_BEFORE' || operation === 'INSERT_AFTER') {
      relative = true;
    }
    out.push({ index, applyTo, operation, instanceName: nameOf(cp, cp.patch), pinned: typeof proxy?.proxyVersion === 'string' && proxy.proxyVersion !== '', misuse, relative });
  }
  return out;
}

export interface RelativePatch {
  readonly patch: PatchInfo;
  /** An earlier patch with a proxyVersion match on the same filter (istioctl's IST0155), if any. */
  readonly pinnedBy?: { readonly resource: Resource; readonly index: number };
}

/**
 * The relative patches of an EnvoyFilter without priority. As istioctl does, a patch is "pinned" when
 * an earlier patch (earlier in this EnvoyFilter, or in an EnvoyFilter before it in workspace order)
 * with a proxyVersion match names the same filter.
 */
export function relativePatches(view: IndexView, envoyFilter: Resource): RelativePatch[] {
  const spec = isObject(envoyFilter.value.spec) ? envoyFilter.value.spec : {};
  if (typeof spec.priority === 'number' && spec.priority !== 0) return [];
  const pinned = new Map<string, { resource: Resource; index: number }>();
  const record = (resource: Resource, p: PatchInfo) => {
    if (p.pinned && p.instanceName && !pinned.has(p.instanceName)) pinned.set(p.instanceName, { resource, index: p.index });
  };
  for (const other of view.all('EnvoyFilter')) {
    if (other === envoyFilter) break;
    for (const p of patchInfos(other)) record(other, p);
  }
  const out: RelativePatch[] = [];
  for (const p of patchInfos(envoyFilter)) {
    if (p.relative) out.push({ patch: p, pinnedBy: p.instanceName ? pinned.get(p.instanceName) : undefined });
    record(envoyFilter, p);
  }
  return out;
}

export function operationPath(p: PatchInfo): FieldPath {
  return ['spec', 'configPatches', p.index, 'patch', 'operation'];
}

export const relativeEnvoyFilterOperation = defineWorkspaceAnalyzer(
  {
    code: 'IY941',
    name: 'relative-envoy-filter-operation',
    severity: 'warning',
    category: 'workspace',
    inputs: ['EnvoyFilter'],
    summary: 'An EnvoyFilter without priority uses a patch operation relative to other configuration.',
    istioctl: 'IST0151',
    docs: `## Why
INSERT_BEFORE, INSERT_AFTER, REPLACE and REMOVE find their place relative to filters that istiod or
other EnvoyFilters put there. EnvoyFilters with the same \`priority\` (0 when unset) are applied in
creation order, so whether the filter a patch refers to is already present can change from one
cluster to the next. Set \`spec.priority\` to order the EnvoyFilter explicitly, or use an absolute
operation (INSERT_FIRST, ADD, MERGE).

## Example
\`\`\`yaml
kind: EnvoyFilter
spec:                    # no priority
  configPatches:
  - applyTo: HTTP_FILTER
    patch:
      operation: INSERT_BEFORE
      value: {name: envoy.lua}
\`\`\``,
  },
  (ctx) => {
    for (const { patch, pinnedBy } of relativePatches(ctx.index, ctx.resource)) {
      if (pinnedBy) continue; // IY945
      const target = patch.instanceName ? ` '${patch.instanceName}'` : '';
      ctx.report({
        path: operationPath(patch),
        message: `${patch.operation}${target} is placed relative to other filters, and this EnvoyFilter has no priority: its order against other EnvoyFilters is undefined; set spec.priority`,
      });
    }
  },
);
