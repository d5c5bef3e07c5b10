// An Istio webhook that calls its control plane by IP address.
import { isIpAddress } from '../../istio/validation/network';
import { hostname } from '../../schema/cel/go-url';
import { isIstioWebhookConfiguration, parseWebhookUrl, WEBHOOK_KINDS, webhooksOf, webhookTarget } from '../../kubernetes/webhooks';
import { defineWorkspaceAnalyzer } from '../framework';

export const webhookIpAddress = defineWorkspaceAnalyzer(
  {
    code: 'IY980',
    name: 'webhook-ip-address',
    severity: 'information',
    category: 'kubernetes',
    inputs: WEBHOOK_KINDS,
    summary: 'An Istio validation or injection webhook calls the control plane by IP address instead of a host name.',
    istioctl: 'IST0164',
    docs: `## Why
The API server verifies the webhook's TLS certificate against the URL's host. Istiod's certificate
names host names, and an external control plane's address is better kept behind a stable DNS name
(a load balancer's IP can change); Istio's documentation recommends a host name for external istiod
webhooks.

## Example
\`\`\`yaml
webhooks:
- name: rev.namespace.sidecar-injector.istio.io
  clientConfig:
    url: https://1.1.1.1:15017/inject   # use istiod.example.com
\`\`\``,
  },
  (ctx) => {
    if (!isIstioWebhookConfiguration(ctx.resource)) return;
    for (const hook of webhooksOf(ctx.resource)) {
      const { url } = webhookTarget(hook);
      const parsed = url !== undefined ? parseWebhookUrl(url) : undefined;
      if (!parsed || typeof parsed === 'string') continue;
      const host = hostname(parsed);
      if (host && isIpAddress(host)) ctx.report({ path: ['webhooks', hook.index, 'clientConfig', 'url'], message: `Webhook '${hook.name}' calls ${host}, an IP address: use a host name that istiod's certificate names` });
    }
  },
);
