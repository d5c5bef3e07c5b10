// Sidecar ingress listeners istiod rejects: invalid or repeated ports, targetPort, bad bind or
// defaultEndpoint addresses, and TLS settings sidecars do not support.
import { isIpAddress, isValidPort, UNIX_PREFIX, unixAddressProblem } from '../../istio/validation/network';
import { isTlsProtocol } from '../../istio/validation/protocol';
import { sidecarPortFindings } from '../../istio/validation/sidecar-port';
import { serverTlsFindings } from '../../istio/validation/server-tls';
import { list, nonEmpty, num, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

const ENDPOINT_HOSTS = new Set(['', '127.0.0.1', '0.0.0.0', '::1', '::']);

/** Go's net.SplitHostPort for the forms a defaultEndpoint may take. */
function splitHostPort(text: string): { host: string; port: string } | undefined {
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0 || text[end + 1] !== ':') return undefined;
    return { host: text.slice(1, end), port: text.slice(end + 2) };
  }
  const colon = text.lastIndexOf(':');
  if (colon < 0 || text.indexOf(':') !== colon) return undefined;
  return { host: text.slice(0, colon), port: text.slice(colon + 1) };
}

export const invalidSidecarIngress = defineAnalyzer(
  {
    code: 'IY452',
    name: 'invalid-sidecar-ingress',
    severity: 'error',
    category: 'admission',
    inputs: ['Sidecar'],
    summary: 'A Sidecar ingress listener has an invalid or repeated port, a targetPort, a bad bind or defaultEndpoint, or unsupported TLS settings.',
    istioctl: 'IST0106',
    docs: `## Why
Each ingress listener needs a unique port (1–65535) with a known protocol and, if named, a DNS-label name; \`targetPort\` is rejected.
\`bind\` is an IP address, and \`defaultEndpoint\` is \`127.0.0.1:<port>\`, \`0.0.0.0:<port>\`, \`[::1]:<port>\`, \`[::]:<port>\`, \`:<port>\` or \`unix://<path>\`.
Ingress TLS needs an HTTPS or TLS port and cannot use \`subjectAltNames\`, \`httpsRedirect\`, \`credentialName(s)\`, \`tlsCertificates\`, \`ISTIO_MUTUAL\` or \`AUTO_PASSTHROUGH\`; otherwise the Gateway TLS rules apply.

## Example
\`\`\`yaml
ingress:
- port: {number: 9080, name: http, protocol: HTTP}
  defaultEndpoint: reviews:9080        # must be a loopback/any address
- port: {number: 9080, name: http2, protocol: HTTP}   # port repeated
\`\`\`

## Fix
Forward to \`127.0.0.1:<app port>\` and give each listener its own port.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const ports = new Set<number>();
    list(spec.ingress).forEach((item, i) => {
      const ingress = obj(item);
      const port = obj(ingress?.port);
      if (!ingress || !port) return;
      const at = ['spec', 'ingress', i];
      for (const finding of sidecarPortFindings(port, at)) ctx.report(finding);
      const protocol = typeof port.protocol === 'string' ? port.protocol : '';
      const number = num(port.number) ?? 0;
      if (!isValidPort(number)) ctx.report({ path: port.number === undefined ? [...at, 'port'] : [...at, 'port', 'number'], target: port.number === undefined ? 'key' : 'value', message: `port ${number} is not within 1–65535` });
      if (ports.has(number)) ctx.report({ path: [...at, 'port', 'number'], message: `port ${number} is already used by another ingress listener` });
      ports.add(number);
      if (typeof ingress.bind === 'string' && ingress.bind !== '' && !isIpAddress(ingress.bind)) {
        ctx.report({ path: [...at, 'bind'], message: `bind '${ingress.bind}' is not an IP address` });
      }
      const endpoint = ingress.defaultEndpoint;
      if (typeof endpoint === 'string' && endpoint !== '') {
        if (endpoint.startsWith(UNIX_PREFIX)) {
          const problem = unixAddressProblem(endpoint.slice(UNIX_PREFIX.length));
          if (problem) ctx.report({ path: [...at, 'defaultEndpoint'], message: `invalid defaultEndpoint: ${problem}` });
        } else {
          const parts = splitHostPort(endpoint);
          const portNumber = parts && /^[+-]?\d+$/.test(parts.port) ? Number(parts.port) : undefined;
          if (!parts || !ENDPOINT_HOSTS.has(parts.host) || portNumber === undefined || !isValidPort(portNumber)) {
            ctx.report({ path: [...at, 'defaultEndpoint'], message: `defaultEndpoint '${endpoint}' must be 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port>, :<port> or unix://<path>` });
          }
        }
      }
      const tls = obj(ingress.tls);
      if (!tls) return;
      const tlsAt = [...at, 'tls'];
      const unsupported: [boolean, string][] = [
        [list(tls.subjectAltNames).length > 0, 'subjectAltNames'],
        [tls.httpsRedirect === true, 'httpsRedirect'],
        [nonEmpty(tls.credentialName), 'credentialName'],
        [list(tls.credentialNames).length > 0, 'credentialNames'],
        [list(tls.tlsCertificates).length > 0, 'tlsCertificates'],
      ];
      for (const [set, field] of unsupported) if (set) ctx.report({ path: [...tlsAt, field], target: 'key', message: `${field} is not supported in Sidecar ingress TLS` });
      if (tls.mode === 'ISTIO_MUTUAL' || tls.mode === 'AUTO_PASSTHROUGH') ctx.report({ path: [...tlsAt, 'mode'], message: `mode ${String(tls.mode)} is not supported in Sidecar ingress TLS` });
      if (!isTlsProtocol(protocol)) ctx.report({ path: tlsAt, target: 'key', message: `TLS settings need an HTTPS or TLS port, not ${protocol || 'an unset protocol'}` });
      for (const f of serverTlsFindings(tls, tlsAt)) if (f.level === 'error') ctx.report({ path: f.path, target: f.target, message: f.message });
    });
  },
);
