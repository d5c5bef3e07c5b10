// Settings that contradict the ServiceEntry's resolution: STATIC endpoints that are not IPs or unix
// sockets, DNS without endpoints for non-FQDN hosts, endpoint ports the service does not declare, and
// DYNAMIC_DNS restrictions.
import { fqdnProblem } from '../../istio/validation/dns';
import { isIpAddress, UNIX_PREFIX } from '../../istio/validation/network';
import { isHttpProtocol, isTlsProtocol } from '../../istio/validation/protocol';
import { portNames, resolutionOf } from '../../istio/validation/service-entry';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidServiceEntryResolution = defineAnalyzer(
  {
    code: 'IY405',
    name: 'invalid-service-entry-resolution',
    severity: 'error',
    category: 'admission',
    inputs: ['ServiceEntry'],
    summary: 'ServiceEntry hosts, endpoints or addresses do not fit its resolution mode.',
    istioctl: 'IST0106',
    docs: `## Why
The resolution mode decides where the proxy sends traffic, and each mode constrains the rest:
- \`STATIC\`: endpoints are IP addresses or \`unix://\` sockets (a unix endpoint needs exactly one service port);
- \`DNS\` and \`DNS_ROUND_ROBIN\`: without endpoints the hosts themselves are resolved, so they must be fully qualified names without wildcards; endpoint addresses are IPs or FQDNs;
- \`DYNAMIC_DNS\`: no \`addresses\` and no \`endpoints\`, and only HTTP, HTTP2, GRPC or TLS ports;
- endpoint \`ports\` may only name ports declared in \`ports\`.

## Example
\`\`\`yaml
kind: ServiceEntry
spec:
  hosts: ["*.example.com"]
  resolution: DNS            # a wildcard cannot be resolved without endpoints
  ports: [{number: 443, name: https, protocol: TLS}]
\`\`\`

## Fix
Use resolution NONE for wildcard hosts, or list the endpoints to resolve.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const resolution = resolutionOf(spec);
    const endpoints = list(spec.endpoints);
    const declared = portNames(spec);
    const checkEndpointPorts = (endpoint: Record<string, unknown>, i: number): void => {
      const ports = obj(endpoint.ports);
      if (!ports) return;
      for (const name of Object.keys(ports)) {
        if (!declared.has(name)) ctx.report({ path: ['spec', 'endpoints', i, 'ports', name], target: 'key', message: `endpoint port '${name}' is not one of the ServiceEntry's ports (${[...declared].join(', ') || 'none'})` });
      }
    };
    if (resolution === 'STATIC') {
      endpoints.forEach((item, i) => {
        const endpoint = obj(item);
        if (!endpoint) return;
        const address = endpoint.address;
        if (typeof address === 'string' && address !== '') {
          if (address.startsWith(UNIX_PREFIX)) {
            if (declared.size !== 1) ctx.report({ path: ['spec', 'endpoints', i, 'address'], message: `a unix socket endpoint needs exactly one service port; the ServiceEntry has ${declared.size}` });
          } else if (!isIpAddress(address)) {
            ctx.report({ path: ['spec', 'endpoints', i, 'address'], message: `endpoint address '${address}' is not an IP address; STATIC resolution needs IPs (use DNS resolution for host names)` });
          }
        }
        checkEndpointPorts(endpoint, i);
      });
    } else if (resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') {
      if (endpoints.length === 0) {
        list(spec.hosts).forEach((host, i) => {
          if (typeof host === 'string' && fqdnProblem(host)) {
            ctx.report({ path: ['spec', 'hosts', i], message: `with ${resolution} resolution and no endpoints, hosts are resolved and must be fully qualified names; '${host}' is not` });
          }
        });
      }
      endpoints.forEach((item, i) => {
        const endpoint = obj(item);
        if (!endpoint) return;
        const address = endpoint.address;
        if (typeof address === 'string' && !isIpAddress(address) && fqdnProblem(address)) {
          ctx.report({ path: ['spec', 'endpoints', i, 'address'], message: `endpoint address '${address}' is not a valid FQDN or IP address` });
        }
        checkEndpointPorts(endpoint, i);
      });
    } else if (resolution === 'DYNAMIC_DNS') {
      if (list(spec.addresses).length > 0) ctx.report({ path: ['spec', 'addresses'], target: 'key', message: 'DYNAMIC_DNS resolution does not support addresses' });
      if (endpoints.length > 0) ctx.report({ path: ['spec', 'endpoints'], target: 'key', message: 'DYNAMIC_DNS resolution does not support endpoints' });
      list(spec.ports).forEach((item, i) => {
        const protocol = obj(item)?.protocol;
        const text = typeof protocol === 'string' ? protocol : '';
        if (!isHttpProtocol(text) && !isTlsProtocol(text)) {
          ctx.report({ path: ['spec', 'ports', i], message: `DYNAMIC_DNS resolution only supports HTTP, HTTP2, GRPC and TLS ports, not ${text || 'an unset protocol'}` });
        }
      });
    }
  },
);
