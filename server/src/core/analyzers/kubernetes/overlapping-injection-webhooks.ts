// Istio injection webhooks that match the same pods: such pods would be injected twice.
import { overlappingWebhooks } from '../../kubernetes/webhooks';
import { defineWorkspaceAnalyzer } from '../framework';

export const overlappingInjectionWebhooks = defineWorkspaceAnalyzer(
  {
    code: 'IY977',
    name: 'overlapping-injection-webhooks',
    severity: 'error',
    category: 'kubernetes',
    inputs: ['MutatingWebhookConfiguration'],
    summary: 'Two Istio sidecar injection webhooks select the same namespace and pod labels, so such pods would be injected twice.',
    istioctl: 'IST0139',
    docs: `## Why
Every pod must be matched by at most one of Istio's injection webhooks. When two webhooks (of two
revisions, or a leftover configuration from an old install) both select, say, namespaces labelled
\`istio-injection=enabled\`, both inject: the pod gets two proxies or fails admission. The check tries
the combinations that matter (no label, \`istio-injection\` enabled/disabled, \`sidecar.istio.io/inject\`
true/false, each with and without \`istio.io/rev\` set to every revision the webhooks name) against the
webhooks' namespace and object selectors.

## Example
\`\`\`yaml
kind: MutatingWebhookConfiguration
metadata: { name: istio-sidecar-injector-old }   # leftover of an earlier install
webhooks:
- name: sidecar-injector.istio.io
  namespaceSelector:
    matchLabels: { istio-injection: enabled }    # also selected by istio-sidecar-injector
\`\`\``,
  },
  (ctx) => {
    for (const [hook, others] of overlappingWebhooks(ctx.index)) {
      if (hook.configuration !== ctx.resource) continue;
      const names = [...others].map((o) => `${o.configuration.name}/${o.name}`).sort();
      ctx.report({
        path: ['webhooks', hook.index, 'name'],
        message: `Webhook '${hook.name}' overlaps with ${names.join(', ')}: pods they both select would be injected twice; remove the stale configuration or make the selectors exclusive`,
        related: [...others].map((o) => ({ resource: o.configuration, path: ['webhooks', o.index, 'name'], message: 'overlapping webhook' })),
      });
    }
  },
);
