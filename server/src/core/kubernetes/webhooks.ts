// Istio's injection webhook configurations and the label combinations that decide which webhook
// injects a pod (istioctl's webhook analyzer enumerates these).
import type { IndexView } from '../index/workspace-index';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import { type GoUrl, parseRequestUri } from '../schema/cel/go-url';
import { INJECTION_LABEL, REVISION_LABEL, SIDECAR_INJECT } from './injection';
import { selectorMatches } from './label-selector';
import { labelsOf } from './objects';

export interface Webhook {
  readonly configuration: Resource;
  readonly index: number;
  readonly name: string;
  readonly value: JsonObject;
}

export function webhooksOf(configuration: Resource): Webhook[] {
  const hooks = Array.isArray(configuration.value.webhooks) ? configuration.value.webhooks : [];
  return hooks.flatMap((value, index) => (isObject(value) ? [{ configuration, index, name: typeof value.name === 'string' ? value.name : '', value }] : []));
}

/** Revisions a configuration serves: its `istio.io/rev` label and the revisions its selectors name. */
function revisionsOf(configuration: Resource): string[] {
  const out = new Set<string>();
  const label = labelsOf(configuration)[REVISION_LABEL];
  if (label !== undefined) out.add(label);
  for (const hook of webhooksOf(configuration)) {
    for (const selector of [hook.value.namespaceSelector, hook.value.objectSelector]) {
      if (!isObject(selector)) continue;
      if (isObject(selector.matchLabels) && typeof selector.matchLabels[REVISION_LABEL] === 'string') out.add(selector.matchLabels[REVISION_LABEL] as string);
      for (const e of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
        if (isObject(e) && e.key === REVISION_LABEL && Array.isArray(e.values)) for (const v of e.values) out.add(String(v));
      }
    }
  }
  return [...out];
}

/** Configurations of Istio's injector: one of its webhooks is named `*istio.io`, or it serves a revision. */
export function isInjectorConfiguration(configuration: Resource): boolean {
  return revisionsOf(configuration).length > 0 || webhooksOf(configuration).some((h) => h.name.endsWith('istio.io'));
}

/**
 * For each injection webhook of the workspace, the other webhooks that also match some namespace/pod
 * label combination it matches (so a pod there would be injected twice). Label combinations: no
 * label, `istio-injection` enabled/disabled and `sidecar.istio.io/inject` true/false, each alone and
 * with `istio.io/rev` set to every revision the webhooks name.
 */
export function overlappingWebhooks(view: IndexView): Map<Webhook, Set<Webhook>> {
  const configurations = view.all('MutatingWebhookConfiguration').filter(isInjectorConfiguration);
  const hooks = configurations.flatMap(webhooksOf);
  const revisions = [...new Set(configurations.flatMap(revisionsOf))];
  const withRevisions = (base: Record<string, string>[]) => [...base, ...revisions.flatMap((rev) => base.map((b) => ({ ...b, [REVISION_LABEL]: rev })))];
  const namespaceLabels = withRevisions([{}, { [INJECTION_LABEL]: 'enabled' }, { [INJECTION_LABEL]: 'disabled' }]);
  const objectLabels = withRevisions([{}, { [SIDECAR_INJECT]: 'true' }, { [SIDECAR_INJECT]: 'false' }]);
  const out = new Map<Webhook, Set<Webhook>>();
  for (const ns of namespaceLabels) {
    for (const obj of objectLabels) {
      const matched = hooks.filter((h) => selectorMatches(h.value.namespaceSelector, ns) && selectorMatches(h.value.objectSelector, obj));
      if (matched.length < 2) continue;
      for (const h of matched) {
        const others = out.get(h) ?? new Set<Webhook>();
        out.set(h, others);
        for (const o of matched) if (o !== h) others.add(o);
      }
    }
  }
  return out;
}

/** Istio's validating and injection webhook configurations, by name (as istioctl recognises them). */
export function isIstioWebhookConfiguration(configuration: Resource): boolean {
  if (configuration.kind === 'ValidatingWebhookConfiguration') return configuration.name.startsWith('istio-validator') || configuration.name === 'istiod-default-validator';
  return configuration.kind === 'MutatingWebhookConfiguration' && configuration.name.startsWith('istio-sidecar-injector');
}

/** `clientConfig.url` when written as a non-empty string, and whether a `service` is given. */
export function webhookTarget(hook: Webhook): { url?: string; service: boolean } {
  const clientConfig = isObject(hook.value.clientConfig) ? hook.value.clientConfig : {};
  return { url: typeof clientConfig.url === 'string' && clientConfig.url ? clientConfig.url : undefined, service: isObject(clientConfig.service) };
}

export const WEBHOOK_KINDS: readonly string[] = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

/** Parses a webhook URL like Go's url.Parse: ParseRequestURI after cutting a fragment, which only Parse accepts. */
export function parseWebhookUrl(url: string): GoUrl | string {
  const hash = url.indexOf('#');
  return parseRequestUri(hash >= 0 ? url.slice(0, hash) : url);
}
