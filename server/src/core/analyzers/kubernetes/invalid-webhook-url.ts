// An Istio webhook (typically of a remote cluster using an external control plane) with no usable address.
import { hostname } from '../../schema/cel/go-url';
import { isIstioWebhookConfiguration, parseWebhookUrl, WEBHOOK_KINDS, webhooksOf, webhookTarget } from '../../kubernetes/webhooks';
import { defineWorkspaceAnalyzer } from '../framework';

export const invalidWebhookUrl = defineWorkspaceAnalyzer(
  {
    code: 'IY979',
    name: 'invalid-webhook-url',
    severity: 'warning',
    category: 'kubernetes',
    inputs: WEBHOOK_KINDS,
    summary: 'An Istio validation or injection webhook has neither a valid URL nor a Service to call.',
    istioctl: 'IST0163',
    docs: `## Why
A cluster whose control plane runs elsewhere (an external or primary-remote istiod) reaches it through
webhooks with a \`clientConfig.url\`. A webhook of \`istio-validator*\`, \`istiod-default-validator\` or
\`istio-sidecar-injector*\` with an empty URL and no \`service\`, or a URL that does not parse, cannot be
called: validation or sidecar injection fails for the whole cluster. (istioctl also resolves the URL's
host name in DNS; an editor cannot, so only the URL's form is checked.)

## Example
\`\`\`yaml
kind: MutatingWebhookConfiguration
metadata: { name: istio-sidecar-injector-external-istiod }
webhooks:
- name: rev.namespace.sidecar-injector.istio.io
  clientConfig:
    url:            # set to https://<istiod host>:15017/inject/...
\`\`\``,
  },
  (ctx) => {
    if (!isIstioWebhookConfiguration(ctx.resource)) return;
    for (const hook of webhooksOf(ctx.resource)) {
      const { url, service } = webhookTarget(hook);
      if (url !== undefined) {
        const parsed = parseWebhookUrl(url);
        if (typeof parsed === 'string') ctx.report({ path: ['webhooks', hook.index, 'clientConfig', 'url'], message: `Webhook '${hook.name}': URL '${url}' does not parse (${parsed})` });
        else if (!hostname(parsed)) ctx.report({ path: ['webhooks', hook.index, 'clientConfig', 'url'], message: `Webhook '${hook.name}': URL '${url}' has no host` });
      } else if (!service) {
        ctx.report({ path: ['webhooks', hook.index, 'clientConfig'], message: `Webhook '${hook.name}' has neither a URL nor a Service to call: set clientConfig.url to the external istiod's address` });
      }
    }
  },
);
