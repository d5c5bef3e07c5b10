// `agent.ValidateNamespaceSlashWildcardHostname`: the `namespace/dnsName` hosts of Gateway servers
// and Sidecar egress listeners.
import { isDns1123Label, isPartialWildcard, wildcardDomainProblem } from './dns';
import { isIpAddress } from './network';

function hostnamePartProblem(hostname: string, isGateway: boolean): string | undefined {
  if (hostname !== '*' && !hostname.includes('.')) return `'${hostname}' is a short name; use a fully qualified name such as '${hostname}.<namespace>.svc.cluster.local'`;
  const problem = wildcardDomainProblem(hostname);
  // Gateways also accept an IP address.
  if (problem && !(isGateway && isIpAddress(hostname))) return problem;
  if (isPartialWildcard(hostname)) return `partial wildcard '${hostname}' is not allowed; a wildcard must be '*' or start with '*.'`;
  return undefined;
}

/** The problem with a Gateway server host or Sidecar egress host, or undefined. */
export function namespacedHostProblem(host: string, isGateway: boolean): string | undefined {
  const slash = host.indexOf('/');
  if (slash < 0) {
    if (isGateway) return hostnamePartProblem(host, true);
    return `host '${host}' must have the form <namespace>/<dnsName>, for example './${host}' or '*/${host}'`;
  }
  const namespace = host.slice(0, slash);
  const name = host.slice(slash + 1);
  if (!namespace || !name) return `host '${host}' must name both a namespace and a DNS name: <namespace>/<dnsName>`;
  const namespaceOk = namespace === '*' || namespace === '.' || (!isGateway && namespace === '~') || isDns1123Label(namespace);
  if (!namespaceOk) return `host '${host}': '${namespace}' is not '*', '.' or a namespace name`;
  return hostnamePartProblem(name, isGateway);
}
