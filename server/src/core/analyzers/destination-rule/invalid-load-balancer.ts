// Load balancer settings istiod rejects: consistent-hash cookies without a name or with repeated
// attributes, invalid Maglev table sizes, minimumRingSize with a hash algorithm, exclusive locality
// settings, invalid locality weights and failover, and warmup aggression below 1.
import { localityFindings } from '../../istio/validation/locality';
import { trafficPolicies } from '../../istio/validation/traffic-policy';
import { list, num, obj, wrappedNumber } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

/** Envoy's primality test for Maglev table sizes. */
function isPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  const limit = Math.floor(Math.sqrt(x));
  for (let f = 3; f <= limit; f += 2) if (x % f === 0) return false;
  return true;
}

export const invalidLoadBalancer = defineAnalyzer(
  {
    code: 'IY206',
    name: 'invalid-load-balancer',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule'],
    summary: 'A load balancer setting is invalid: cookie hashing, Maglev table size, ring size, locality weights or failover, or warmup.',
    istioctl: 'IST0106',
    docs: `## Why
istiod checks the load balancer settings that Envoy would otherwise reject or misapply:
- consistent hashing on \`httpCookie\` needs the cookie \`name\`, and cookie \`attributes\` names must be unique;
- a Maglev \`tableSize\` must be a prime number below 5000011;
- the deprecated \`minimumRingSize\` cannot be combined with \`ringHash\` or \`maglev\`;
- \`localityLbSetting\` and \`zoneAwareLbSetting\` are exclusive; within \`localityLbSetting\`, \`distribute\` and \`failover\` are exclusive, each \`distribute[].to\` weight is 1–100 and the weights of one \`from\` must add up to exactly 100, localities use \`*\` only at the end and do not overlap, and \`failover\` names two different regions without \`/\` or \`*\`;
- \`warmup.aggression\` is at least 1.

## Example
\`\`\`yaml
loadBalancer:
  localityLbSetting:
    distribute:
    - from: us-west/zone1/*
      to:
        "us-west/zone1/*": 80
        "us-west/zone2/*": 10     # 80 + 10 is not 100
\`\`\`

## Fix
Correct the values as the message says.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    for (const { policy, path } of trafficPolicies(spec)) {
      const lb = obj(policy.loadBalancer);
      if (!lb) continue;
      const at = [...path, 'loadBalancer'];
      const hash = obj(lb.consistentHash);
      if (hash) {
        const cookie = obj(hash.httpCookie);
        if (cookie && cookie.name === '') ctx.report({ path: [...at, 'consistentHash', 'httpCookie', 'name'], message: 'the httpCookie name must not be empty' });
        const names = new Set<string>();
        list(cookie?.attributes).forEach((attr, i) => {
          const name = obj(attr)?.name;
          if (typeof name !== 'string') return;
          if (names.has(name)) ctx.report({ path: [...at, 'consistentHash', 'httpCookie', 'attributes', i, 'name'], message: `cookie attribute '${name}' is listed twice` });
          names.add(name);
        });
        const ringSize = num(hash.minimumRingSize);
        if (ringSize !== undefined && ringSize !== 0 && (hash.ringHash != null || hash.maglev != null)) {
          ctx.report({ path: [...at, 'consistentHash', 'minimumRingSize'], target: 'key', message: `the deprecated minimumRingSize cannot be combined with ${hash.ringHash != null ? 'ringHash' : 'maglev'}; use ringHash.minimumRingSize` });
        }
        const maglev = obj(hash.maglev);
        if (maglev) {
          const size = num(maglev.tableSize) ?? 0;
          const sizePath = maglev.tableSize === undefined ? [...at, 'consistentHash', 'maglev'] : [...at, 'consistentHash', 'maglev', 'tableSize'];
          const target = maglev.tableSize === undefined ? ('key' as const) : ('value' as const);
          if (size === 0) ctx.report({ path: sizePath, target, message: 'maglev needs a tableSize (a prime number, for example 65537)' });
          else if (size >= 5000011) ctx.report({ path: sizePath, target, message: `maglev tableSize ${size} must be less than 5000011` });
          else if (!isPrime(size)) ctx.report({ path: sizePath, target, message: `maglev tableSize ${size} is not a prime number` });
        }
      }
      if (lb.localityLbSetting != null && lb.zoneAwareLbSetting != null) {
        ctx.report({ path: [...at, 'zoneAwareLbSetting'], target: 'key', message: "'localityLbSetting' and 'zoneAwareLbSetting' cannot both be set" });
      }
      const locality = obj(lb.localityLbSetting);
      if (locality) {
        for (const f of localityFindings(locality, policy.outlierDetection, [...at, 'localityLbSetting'])) {
          if (f.level === 'error') ctx.report({ path: f.path, message: f.message });
        }
      }
      const warmup = obj(lb.warmup);
      const aggression = wrappedNumber(warmup?.aggression);
      if (aggression !== undefined && aggression < 1) ctx.report({ path: [...at, 'warmup', 'aggression'], message: `warmup aggression ${aggression} must be at least 1` });
    }
  },
);
