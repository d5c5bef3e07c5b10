// An Istio injection webhook that calls a Service that does not exist.
import { isInjectorConfiguration, webhooksOf } from '../../kubernetes/webhooks';
import { isObject } from '../../model/resource';
import { defineWorkspaceAnalyzer } from '../framework';

export const unknownWebhookService = defineWorkspaceAnalyzer(
  {
    code: 'IY978',
    name: 'unknown-webhook-service',
    severity: 'error',
    category: 'kubernetes',
    inputs: ['MutatingWebhookConfiguration'],
    summary: 'An Istio sidecar injection webhook calls a control plane Service that does not exist.',
    istioctl: 'IST0139',
    docs: `## Why
The API server calls the Service named in \`clientConfig.service\` for every pod the webhook selects.
If that Service (istiod's) does not exist, injection fails: depending on the failure policy pods are
created without sidecars or not at all. This usually means a configuration left behind by an
uninstalled revision. Webhooks that call a \`url\` are not checked. When the workspace holds no Service
at all, the finding is information (setting \`istioYaml.references.incompleteWorkspace\`).

## Example
\`\`\`yaml
webhooks:
- name: sidecar-injector.istio.io
  clientConfig:
    service: { name: istiod-1-19, namespace: istio-system }   # no such Service
\`\`\``,
  },
  (ctx) => {
    if (!isInjectorConfiguration(ctx.resource)) return;
    const decidable = ctx.index.has('Service');
    if (!decidable && ctx.options.unresolvedInIncompleteWorkspace === 'off') return;
    for (const hook of webhooksOf(ctx.resource)) {
      const clientConfig = isObject(hook.value.clientConfig) ? hook.value.clientConfig : undefined;
      const service = clientConfig && isObject(clientConfig.service) ? clientConfig.service : undefined;
      if (!service) continue;
      const name = typeof service.name === 'string' ? service.name : '';
      const namespace = typeof service.namespace === 'string' ? service.namespace : '';
      if (ctx.index.get('Service', namespace, name)) continue;
      const message = `Webhook '${hook.name}' calls Service ${namespace}/${name}, which does not exist: injection through it fails`;
      ctx.report({
        path: ['webhooks', hook.index, 'clientConfig', 'service', 'name'],
        message: decidable ? message : `${message} (the workspace holds no Services, so it may be defined elsewhere)`,
        severity: decidable ? undefined : 'information',
      });
    }
  },
);
