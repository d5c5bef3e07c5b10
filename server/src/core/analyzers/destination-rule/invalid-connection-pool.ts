// Connection pool settings istiod rejects: empty pools, negative limits, UPGRADE with
// useClientProtocol, and HTTP/2 keepalive without interval and timeout. Also checks Sidecar pools.
import { trafficPolicies } from '../../istio/validation/traffic-policy';
import { list, num, obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer, type ResourceContext } from '../framework';

const HTTP_COUNTERS = ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams'];

function checkPool(ctx: ResourceContext, value: unknown, path: PathSegment[]): void {
  const pool = obj(value);
  if (!pool) return;
  if (pool.http == null && pool.tcp == null) {
    ctx.report({ path, target: 'key', message: 'the connection pool sets nothing: add http or tcp settings' });
    return;
  }
  const http = obj(pool.http);
  if (http) {
    for (const field of HTTP_COUNTERS) {
      const v = num(http[field]);
      if (v !== undefined && v < 0) ctx.report({ path: [...path, 'http', field], message: `${field} ${v} is negative` });
    }
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      ctx.report({ path: [...path, 'http', 'useClientProtocol'], target: 'key', message: 'useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE' });
    }
    const keepAlive = obj(http.http2KeepAlive);
    if (keepAlive && (keepAlive.interval == null || keepAlive.timeout == null)) {
      ctx.report({ path: [...path, 'http', 'http2KeepAlive'], target: 'key', message: `http2KeepAlive needs both interval and timeout; '${keepAlive.interval == null ? 'interval' : 'timeout'}' is missing` });
    }
  }
  const tcp = obj(pool.tcp);
  const maxConnections = num(tcp?.maxConnections);
  if (maxConnections !== undefined && maxConnections < 0) ctx.report({ path: [...path, 'tcp', 'maxConnections'], message: `maxConnections ${maxConnections} is negative` });
}

export const invalidConnectionPool = defineAnalyzer(
  {
    code: 'IY204',
    name: 'invalid-connection-pool',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule', 'Sidecar'],
    summary: 'A connection pool is empty, has negative limits, or has conflicting HTTP/2 settings.',
    istioctl: 'IST0106',
    docs: `## Why
A \`connectionPool\` needs \`http\` or \`tcp\` settings, and its limits (\`maxConnections\`, \`http1MaxPendingRequests\`, \`http2MaxRequests\`, \`maxRequestsPerConnection\`, \`maxRetries\`, \`maxConcurrentStreams\`) cannot be negative.
\`h2UpgradePolicy: UPGRADE\` forces HTTP/2 and contradicts \`useClientProtocol: true\`; \`http2KeepAlive\` needs both \`interval\` and \`timeout\`.
The same rules apply to Sidecar \`inboundConnectionPool\` and ingress listener pools.

## Example
\`\`\`yaml
connectionPool:
  http:
    h2UpgradePolicy: UPGRADE
    useClientProtocol: true      # contradicts UPGRADE
    http2MaxRequests: -1         # negative
\`\`\`

## Fix
Choose one HTTP version policy and use non-negative limits.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    if (ctx.resource.kind === 'Sidecar') {
      checkPool(ctx, spec.inboundConnectionPool, ['spec', 'inboundConnectionPool']);
      list(spec.ingress).forEach((item, i) => checkPool(ctx, obj(item)?.connectionPool, ['spec', 'ingress', i, 'connectionPool']));
      return;
    }
    for (const { policy, path } of trafficPolicies(spec)) checkPool(ctx, policy.connectionPool, [...path, 'connectionPool']);
  },
);
