// Sidecar ingress settings that istiod accepts with a warning because they are ignored: HTTP pool
// settings on non-HTTP ports, and TLS settings such as passthrough certificates or unknown ciphers.
import { isHttpProtocol } from '../../istio/validation/protocol';
import { serverTlsFindings } from '../../istio/validation/server-tls';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const ignoredSidecarSetting = defineAnalyzer(
  {
    code: 'IY455',
    name: 'ignored-sidecar-setting',
    severity: 'warning',
    category: 'admission',
    inputs: ['Sidecar'],
    summary: 'A Sidecar ingress listener has HTTP pool settings on a non-HTTP port, or TLS settings that are ignored.',
    istioctl: 'IST0133',
    docs: `## Why
HTTP connection pool settings only apply to HTTP listeners; on a TCP or TLS port only the TCP settings take effect.
Ingress TLS follows the Gateway rules: certificates are ignored in PASSTHROUGH mode, unknown or repeated cipher suites are dropped, and TLS 1.0/1.1 need explicit cipher suites.

## Example
\`\`\`yaml
ingress:
- port: {number: 5432, name: tcp, protocol: TCP}
  connectionPool:
    http: {http1MaxPendingRequests: 10}   # ignored on a TCP port
\`\`\`

## Fix
Move the settings to an HTTP listener, or remove them.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    list(spec.ingress).forEach((item, i) => {
      const ingress = obj(item);
      const port = obj(ingress?.port);
      if (!ingress || !port) return;
      const protocol = typeof port.protocol === 'string' ? port.protocol : '';
      if (obj(ingress.connectionPool)?.http != null && !isHttpProtocol(protocol)) {
        ctx.report({ path: ['spec', 'ingress', i, 'connectionPool', 'http'], target: 'key', message: `HTTP connection pool settings have no effect on port ${String(port.number)} (${protocol || 'no protocol'}); only TCP settings apply` });
      }
      const tls = obj(ingress.tls);
      if (!tls) return;
      for (const f of serverTlsFindings(tls, ['spec', 'ingress', i, 'tls'])) if (f.level === 'warning') ctx.report({ path: f.path, target: f.target, message: f.message });
    });
  },
);
