// An HTTP route that delegates to a VirtualService that does not exist: istiod drops the route, so
// requests matching it fall through to later routes or get 404.
import { valueAt } from '../../index/field-paths';
import { isObject } from '../../model/resource';
import { closestMatch } from '../../text/suggest';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';
import { unresolvedSites } from '../reference-findings';
import { virtualServiceHosts } from '../routing';

export const unknownDelegate = defineWorkspaceAnalyzer(
  {
    code: 'IY910',
    name: 'unknown-delegate',
    severity: 'error',
    category: 'reference',
    inputs: ['VirtualService'],
    summary: 'An HTTP route delegates to a VirtualService that does not exist.',
    fix: 'unsafe',
    docs: `## Why
\`http[].delegate\` hands the requests a route matches to another VirtualService (\`name\`, and
\`namespace\`, which defaults to the delegating VirtualService's). istiod drops a delegate route whose
VirtualService does not exist, so the requests it should handle fall through to later routes, or get
404. When the workspace holds no other VirtualService in the delegate's namespace, the delegate may live
in another repository and the finding is information (setting \`istioYaml.references.incompleteWorkspace\`).

## Example
\`\`\`yaml
kind: VirtualService
metadata: { name: shop, namespace: shop }
spec:
  hosts: [shop.example.com]
  http:
  - match: [{uri: {prefix: /reviews}}]
    delegate:
      name: reviews-routes     # no VirtualService shop/reviews-routes
\`\`\`

## Fix
Change to the closest name of a VirtualService in the delegate's namespace (VirtualServices without
hosts, which are the ones meant as delegates, come first).`,
  },
  (ctx) => {
    for (const { site } of unresolvedSites(ctx, ['delegate'])) {
      const delegate = valueAt(ctx.resource.value, site.path.slice(0, -1));
      const namespace = isObject(delegate) && typeof delegate.namespace === 'string' && delegate.namespace ? delegate.namespace : ctx.resource.namespace;
      const inNamespace = ctx.index.inNamespace('VirtualService', namespace).filter((vs) => vs !== ctx.resource && vs.name);
      const delegates = inNamespace.filter((vs) => !virtualServiceHosts(vs).length).map((vs) => vs.name);
      const closest = closestMatch(site.value, delegates) ?? closestMatch(site.value, inNamespace.map((vs) => vs.name));
      const fixes: FindingFix[] = closest ? [{ title: `Change to '${closest}'`, edits: [replaceValue(ctx, site.path, closest)], preferred: true }] : [];
      const message = `delegate VirtualService '${site.value}' not found in namespace '${namespace}'`;
      if (inNamespace.length) {
        ctx.report({ path: site.path, message, fixes });
      } else if (ctx.options.unresolvedInIncompleteWorkspace !== 'off') {
        // Delegates often belong to another team, in another repository: with no other VirtualService
        // of that namespace here, the workspace cannot tell.
        ctx.report({ path: site.path, message: `${message} (the workspace holds no other VirtualService in that namespace, so it may be defined elsewhere)`, severity: 'information', fixes });
      }
    }
  },
);
