// Shared by the unknown-reference analyzers: walk a resource's reference sites of one type (from the
// reference table), resolve each, and report the ones that resolve to nothing, honouring the
// incomplete-workspace rule: when the workspace holds no object of any kind the reference can name,
// the target probably lives elsewhere, so the finding is information (or nothing, by setting).
import { type ReferenceSite, type ReferenceType, referenceSites, type Resolution, resolveSite } from '../index/references';
import type { FindingFix, WorkspaceContext } from './framework';

export interface UnresolvedReference {
  readonly site: ReferenceSite;
  readonly resolution: Resolution;
}

/** Sites of the given type(s) that resolve to nothing. */
export function unresolvedSites(ctx: WorkspaceContext, types: readonly ReferenceType[]): UnresolvedReference[] {
  const out: UnresolvedReference[] = [];
  for (const site of referenceSites(ctx.resource)) {
    if (!types.includes(site.rule.type)) continue;
    const resolution = resolveSite(site, ctx.index);
    if (!resolution.builtIn && !resolution.targets.length) out.push({ site, resolution });
  }
  return out;
}

/** Plural nouns for "the workspace holds no …" messages. */
const KIND_NOUNS: Record<string, string> = {
  Service: 'Services',
  ServiceEntry: 'ServiceEntries',
  DestinationRule: 'DestinationRules',
  Gateway: 'Gateways',
  'Gateway.gateway.networking.k8s.io': 'Gateway API Gateways',
  Secret: 'Secrets',
  Namespace: 'Namespaces',
  ServiceAccount: 'ServiceAccounts',
  VirtualService: 'VirtualServices',
  Pod: 'workloads',
};

function describeKinds(kinds: readonly string[]): string {
  const nouns = [...new Set(kinds.map((k) => KIND_NOUNS[k] ?? (k === 'WorkloadEntry' || k === 'Deployment' ? 'workloads' : `${k}s`)))];
  return nouns.length > 1 ? `${nouns.slice(0, -1).join(', ')} or ${nouns[nouns.length - 1]}` : nouns[0];
}

/**
 * Reports an unresolved reference: at the analyzer's severity when the workspace could hold the
 * target, else as information saying why (or not at all, by setting).
 */
export function reportUnresolved(ctx: WorkspaceContext, unresolved: UnresolvedReference, message: string, fixes?: readonly FindingFix[]): void {
  const { site, resolution } = unresolved;
  if (resolution.decidable) {
    ctx.report({ path: site.path, message, fixes });
    return;
  }
  if (ctx.options.unresolvedInIncompleteWorkspace === 'off') return;
  ctx.report({
    path: site.path,
    message: `${message} (the workspace holds no ${describeKinds(site.rule.to)}, so it may be defined elsewhere)`,
    severity: 'information',
    fixes,
  });
}
