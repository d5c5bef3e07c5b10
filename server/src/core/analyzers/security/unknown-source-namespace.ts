// An AuthorizationPolicy source namespace that matches no Namespace: the rule never matches (or, in
// notNamespaces, excludes nothing).
import { closestMatch } from '../../text/suggest';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';
import { reportUnresolved, unresolvedSites } from '../reference-findings';

export const unknownSourceNamespace = defineWorkspaceAnalyzer(
  {
    code: 'IY936',
    name: 'unknown-source-namespace',
    severity: 'error',
    category: 'reference',
    inputs: ['AuthorizationPolicy'],
    summary: 'An AuthorizationPolicy `from.source.namespaces` or `notNamespaces` entry matches no Namespace.',
    istioctl: 'IST0101',
    fix: 'unsafe',
    docs: `## Why
\`source.namespaces\` matches the namespace of the calling workload's identity: \`*\`, a prefix (\`prod-*\`),
a suffix (\`*-test\`) or an exact name. An entry that matches no Namespace never matches a caller: an
ALLOW rule lets nobody in through it, and in \`notNamespaces\` it excludes nobody. A misspelt namespace
is the usual cause. Namespaces are the \`Namespace\` objects of the workspace; when there are none, the
finding is information.

## Example
\`\`\`yaml
kind: AuthorizationPolicy
spec:
  rules:
  - from:
    - source:
        namespaces: [frontend, bakcend]    # no Namespace bakcend
\`\`\`

## Fix
Change the entry to the closest Namespace name.`,
  },
  (ctx) => {
    const names = ctx.index.all('Namespace').map((n) => n.name);
    for (const unresolved of unresolvedSites(ctx, ['namespace'])) {
      const { site } = unresolved;
      const pattern = site.value.includes('*');
      const fixes: FindingFix[] = [];
      const closest = pattern ? undefined : closestMatch(site.value, names);
      if (closest) fixes.push({ title: `Change to '${closest}'`, edits: [replaceValue(ctx, site.path, closest)], preferred: true });
      const message = pattern ? `no Namespace matches the pattern '${site.value}'` : `Namespace '${site.value}' not found`;
      reportUnresolved(ctx, unresolved, message, fixes);
    }
  },
);
