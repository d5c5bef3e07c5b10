// SNI host checks of TLS routes (`validateSniHost`): each SNI host is a valid domain and a subset of
// one of the VirtualService's hosts; an IP address is accepted with a warning.
import { gatewayVirtualHostProblem, hostSubsetOf, wildcardDomainProblem } from './dns';
import { isIpAddress } from './network';
import { appliesOnlyToGateways } from './virtual-service';
import { list, obj, type JsonObject } from './values';
import type { PathSegment } from '../../yaml/path';

export interface SniFinding {
  readonly path: PathSegment[];
  readonly level: 'error' | 'warning';
  readonly message: string;
}

export function sniHostFindings(spec: JsonObject): SniFinding[] {
  const out: SniFinding[] = [];
  const toGateway = appliesOnlyToGateways(spec);
  const hosts = list(spec.hosts).filter((h): h is string => typeof h === 'string');
  list(spec.tls).forEach((route, r) => {
    list(obj(route)?.match).forEach((match, m) => {
      list(obj(match)?.sniHosts).forEach((sni, k) => {
        if (typeof sni !== 'string') return;
        const path = ['spec', 'tls', r, 'match', m, 'sniHosts', k];
        const problem = toGateway ? gatewayVirtualHostProblem(true, sni) : wildcardDomainProblem(sni);
        if (problem) {
          if (isIpAddress(sni)) out.push({ path, level: 'warning', message: `SNI host '${sni}' is an IP address; SNI carries host names and most clients never send an IP address` });
          else out.push({ path, level: 'error', message: `invalid SNI host: ${problem}` });
          return;
        }
        if (!hosts.some((h) => hostSubsetOf(sni, h))) {
          out.push({ path, level: 'error', message: `SNI host '${sni}' is not covered by any of the VirtualService hosts [${hosts.join(', ')}]` });
        }
      });
    });
  });
  return out;
}
