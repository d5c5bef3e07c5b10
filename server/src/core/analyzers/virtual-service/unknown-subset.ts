// A destination subset that no DestinationRule for its host defines: Envoy has no such cluster, so
// requests routed there fail (503, no cluster found).
import { toFqdn } from '../../index/hosts';
import type { ReferenceSite } from '../../index/references';
import { destinationRulesFor, resolveHost, siblingHost, subsetsOf } from '../../index/resolve-destination';
import type { Resource } from '../../model/resource';
import { closestMatch } from '../../text/suggest';
import { appendDocument, replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix, type RelatedReport, type WorkspaceContext } from '../framework';
import { reportUnresolved, unresolvedSites } from '../reference-findings';
import { appendToMap, appendToSequence, hasExplicitNamespace, listText, nameFromHost, qualifiedName, specOf, yamlScalar } from '../routing';

function subsetItem(name: string): string {
  return `name: ${yamlScalar(name)}\nlabels:\n  version: ${yamlScalar(name)}`;
}

/** Adds the subset to a DestinationRule (another resource, maybe another file). */
function addSubsetEdit(rule: Resource, subset: string) {
  const spec = specOf(rule);
  if (Array.isArray(spec.subsets)) return appendToSequence(rule, ['spec', 'subsets'], subsetItem(subset), rule);
  if (spec.subsets !== undefined) return undefined;
  const [first, ...rest] = subsetItem(subset).split('\n');
  return appendToMap(rule, ['spec'], ['subsets:', `- ${first}`, ...rest.map((l) => `  ${l}`)], rule);
}

function destinationRuleSkeleton(ctx: WorkspaceContext, host: string, subset: string): string {
  const lines = ['apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', `  name: ${nameFromHost(host)}`];
  if (hasExplicitNamespace(ctx.resource)) lines.push(`  namespace: ${ctx.resource.namespace}`);
  lines.push('spec:', `  host: ${yamlScalar(host)}`, '  subsets:', `  - name: ${yamlScalar(subset)}`, '    labels:', `      version: ${yamlScalar(subset)}`, '');
  return lines.join('\n');
}

/**
 * A subset of a host that does not resolve, and that no DestinationRule is for, is the host's problem
 * (IY902), not a second finding.
 */
function hostIsUnknown(ctx: WorkspaceContext, site: ReferenceSite, host: string): boolean {
  const hostSite: ReferenceSite = { ...site, path: [...site.path.slice(0, -1), 'host'], value: host };
  const resolution = resolveHost(hostSite, ctx.index);
  return resolution.decidable && !resolution.targets.length;
}

export const unknownSubset = defineWorkspaceAnalyzer(
  {
    code: 'IY903',
    name: 'unknown-subset',
    severity: 'error',
    category: 'reference',
    inputs: ['VirtualService'],
    summary: 'A route or mirror destination names a subset that no DestinationRule for its host defines.',
    istioctl: 'IST0101',
    fix: 'unsafe',
    docs: `## Why
A \`subset\` selects a named group of endpoints defined in the \`subsets\` of a DestinationRule for the
destination host. Without such a subset there is no cluster to send to, and Envoy answers 503
("no cluster found"). DestinationRules count as istiod applies them: their host is expanded in their own
namespace (a short \`reviews\` in the VirtualService's namespace means the same Service as
\`reviews.<namespace>.svc.cluster.local\` anywhere), a wildcard host (\`*.example.com\`) covers the names
under it, and the DestinationRule must be exported to the VirtualService's namespace.

A destination whose host is unknown and has no DestinationRule is reported once, by IY902. When the workspace holds no
DestinationRule at all, the finding is information (setting \`istioYaml.references.incompleteWorkspace\`).

## Example
\`\`\`yaml
kind: VirtualService
metadata: { name: reviews, namespace: bookinfo }
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: v3      # DestinationRule bookinfo/reviews defines v1 and v2
\`\`\`

## Fix
- Change to the closest subset the DestinationRules define (preferred when there is one; names that
  differ only in digits, such as \`v1\` and \`v3\`, are different versions rather than typos).
- Add the subset to the DestinationRule for the host (with \`labels: {version: <subset>}\`; check the labels).
- When no DestinationRule exists for the host, create one with the subset, after the VirtualService.`,
  },
  (ctx) => {
    const namespace = ctx.resource.namespace;
    for (const unresolved of unresolvedSites(ctx, ['subset'])) {
      const { site } = unresolved;
      const host = siblingHost(site);
      if (!host) continue;
      const fqdn = toFqdn(namespace, host);
      const rules = destinationRulesFor(ctx.index, namespace, host);
      if (!rules.length && hostIsUnknown(ctx, site, host)) continue;
      const exact = rules.filter((r) => !r.wildcard).map((r) => r.rule);
      const candidates = exact.length ? exact : rules.map((r) => r.rule);
      const subsets = [...new Set(candidates.flatMap((r) => subsetsOf(r).map((s) => s.name)))];
      const what = site.rule.mirror ? 'mirror subset' : 'subset';

      let message: string;
      if (candidates.length) {
        const names = listText(candidates.map(qualifiedName));
        const defined = subsets.length ? `subsets: ${listText(subsets, 8)}` : 'no subsets';
        message = `${what} '${site.value}' is not defined by DestinationRule${candidates.length > 1 ? 's' : ''} ${names} for host ${fqdn} (${defined})`;
      } else {
        const hidden = ctx.index.all('DestinationRule').filter((dr) => {
          const drHost = specOf(dr).host;
          return typeof drHost === 'string' && toFqdn(dr.namespace, drHost) === fqdn;
        });
        message = hidden.length
          ? `${what} '${site.value}' of host ${fqdn}: DestinationRule ${listText(hidden.map(qualifiedName))} is not exported to namespace '${namespace}'`
          : `${what} '${site.value}' is not defined: no DestinationRule visible in namespace '${namespace}' is for host ${fqdn}`;
      }

      const fixes: FindingFix[] = [];
      // `v3` is not a typo of `v1`: names that differ only in digits are different versions.
      const digitless = (name: string) => name.replace(/[0-9]/g, '');
      const closest = closestMatch(site.value, subsets.filter((s) => digitless(s) !== digitless(site.value)));
      if (closest) fixes.push({ title: `Change to '${closest}'`, edits: [replaceValue(ctx, site.path, closest)], preferred: true });
      for (const rule of candidates) {
        const edit = addSubsetEdit(rule, site.value);
        if (edit) fixes.push({ title: `Add subset '${site.value}' to DestinationRule ${qualifiedName(rule)}`, edits: [edit] });
      }
      if (!rules.length) fixes.push({ title: `Create DestinationRule for ${host} with subset '${site.value}'`, edits: [appendDocument(ctx.resource, destinationRuleSkeleton(ctx, host, site.value))] });

      const related: RelatedReport[] = candidates.map((rule) => ({
        resource: rule,
        path: Array.isArray(specOf(rule).subsets) ? ['spec', 'subsets'] : ['spec', 'host'],
        message: `DestinationRule ${qualifiedName(rule)} for ${fqdn}`,
      }));
      if (unresolved.resolution.decidable) ctx.report({ path: site.path, message, fixes, related });
      else reportUnresolved(ctx, unresolved, message, fixes);
    }
  },
);
