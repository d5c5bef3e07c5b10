// `istioctl proxy-config <section> POD -o json`: Envoy's config (an array of clusters, listeners,
// routes or endpoint statuses; an object for secrets and bootstrap), indented by four spaces, maybe
// after log lines. Re-indented with two spaces for an editor tab.
import { jsonValuesIn } from './json-values';

export function prettyProxyConfig(stdout: string): string | undefined {
  const found = jsonValuesIn(stdout)[0];
  return found ? JSON.stringify(found.value, null, 2) + '\n' : undefined;
}
