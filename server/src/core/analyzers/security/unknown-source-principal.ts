// An AuthorizationPolicy principal naming a service account that no ServiceAccount or workload of the
// workspace has: the rule matches no caller, usually because of a typo.
import { parsePrincipal } from '../../index/resolve-workload';
import { WORKLOAD_KINDS } from '../../index/workloads';
import { closestMatch } from '../../text/suggest';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';
import { reportByDecidability } from '../gateway/unmatched-gateway-selector';
import { unresolvedSites } from '../reference-findings';

export const unknownSourcePrincipal = defineWorkspaceAnalyzer(
  {
    code: 'IY937',
    name: 'unknown-source-principal',
    severity: 'warning',
    category: 'reference',
    inputs: ['AuthorizationPolicy'],
    summary: 'An AuthorizationPolicy principal names a service account that no ServiceAccount or workload in the workspace has.',
    fix: 'unsafe',
    docs: `## Why
A principal \`<trust domain>/ns/<namespace>/sa/<service account>\` matches callers running as that
service account. When no ServiceAccount object and no workload (\`serviceAccountName\` of a Pod or pod
template, a WorkloadEntry's \`serviceAccount\`) in the workspace has it, the rule matches nobody,
usually because of a typo. Patterns (\`*\`) and the \`default\` service account, which every namespace
has, are not checked.

The caller often lives in another repository: the finding is a warning only when the workspace holds
ServiceAccounts or workloads in the principal's namespace, and information otherwise.
istioctl analyze does not check principals.

## Example
\`\`\`yaml
kind: AuthorizationPolicy
spec:
  rules:
  - from:
    - source:
        principals: [cluster.local/ns/shop/sa/fronted]   # the Deployment runs as frontend
\`\`\`

## Fix
Change the service account to the closest one of that namespace.`,
  },
  (ctx) => {
    for (const { site } of unresolvedSites(ctx, ['principal'])) {
      const principal = parsePrincipal(site.value);
      if (!principal || principal.serviceAccount === 'default') continue;
      const { namespace, serviceAccount } = principal;
      const accounts = new Set([
        ...ctx.index.inNamespace('ServiceAccount', namespace).map((a) => a.name),
        ...ctx.index
          .workloads()
          .filter((w) => w.namespace === namespace)
          .map((w) => w.serviceAccount),
      ]);
      // The reference table counts Pods and templates only; a WorkloadEntry's account is a caller too.
      if (accounts.has(serviceAccount)) continue;
      const fixes: FindingFix[] = [];
      const closest = closestMatch(serviceAccount, [...accounts]);
      if (closest) {
        const fixed = `${site.value.slice(0, site.value.length - serviceAccount.length)}${closest}`;
        fixes.push({ title: `Change to '${fixed}'`, edits: [replaceValue(ctx, site.path, fixed)], preferred: true });
      }
      const knownKinds = ctx.index.has('ServiceAccount') || WORKLOAD_KINDS.some((k) => ctx.index.has(k));
      reportByDecidability(
        ctx,
        site.path,
        `no ServiceAccount or workload in the workspace uses service account '${serviceAccount}' in namespace '${namespace}', so principal '${site.value}' matches no caller`,
        accounts.size > 0,
        knownKinds ? `the workspace holds no ServiceAccounts or workloads in namespace '${namespace}', so it may be defined elsewhere` : 'the workspace holds no ServiceAccounts or workloads, so it may be defined elsewhere',
        fixes,
      );
    }
  },
);
