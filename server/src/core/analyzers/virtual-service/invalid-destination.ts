// Route and mirror destinations istiod rejects: an invalid or `*` host, a subset that is not a DNS
// label, a port outside 1–65535, negative weights, or several destinations that all weigh 0.
import { isDns1123Label, wildcardDomainProblem } from '../../istio/validation/dns';
import { isValidPort } from '../../istio/validation/network';
import { forEachHttpRule, specOf } from '../../istio/validation/virtual-service';
import { list, num, obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer, type ResourceContext } from '../framework';

function checkDestination(ctx: ResourceContext, value: unknown, path: PathSegment[]): void {
  const destination = obj(value);
  if (!destination) return;
  const host = destination.host;
  if (host === '*') {
    ctx.report({ path: [...path, 'host'], message: "destination host '*' is not allowed; name the service to route to" });
  } else if (typeof host === 'string') {
    const problem = wildcardDomainProblem(host);
    if (problem) ctx.report({ path: [...path, 'host'], message: `invalid destination host: ${problem}` });
  }
  const subset = destination.subset;
  if (typeof subset === 'string' && subset !== '' && !isDns1123Label(subset)) {
    ctx.report({ path: [...path, 'subset'], message: `subset '${subset}' is not a valid subset name (a DNS label: letters, digits and '-', at most 63 characters)` });
  }
  const port = obj(destination.port);
  if (port) {
    const number = port.number ?? 0;
    if (typeof number === 'number' && !isValidPort(number)) {
      const where = port.number === undefined ? [...path, 'port'] : [...path, 'port', 'number'];
      ctx.report({ path: where, target: port.number === undefined ? 'key' : 'value', message: `destination port ${number} is not within 1–65535` });
    }
  }
}

function checkRoutes(ctx: ResourceContext, routes: unknown, path: PathSegment[]): void {
  const items = list(routes);
  let total = 0;
  items.forEach((item, i) => {
    const route = obj(item);
    if (!route) return;
    checkDestination(ctx, route.destination, [...path, i, 'destination']);
    const weight = num(route.weight);
    if (weight !== undefined) {
      if (weight < 0) ctx.report({ path: [...path, i, 'weight'], message: `weight ${weight} is negative` });
      total += weight;
    }
  });
  if (items.length > 1 && total === 0) {
    ctx.report({ path, target: 'key', message: `all ${items.length} destinations have weight 0, so no traffic could be routed; give at least one a positive weight` });
  }
}

export const invalidDestination = defineAnalyzer(
  {
    code: 'IY109',
    name: 'invalid-destination',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A route or mirror destination has an invalid host, subset or port, or the route weights are invalid.',
    istioctl: 'IST0106',
    docs: `## Why
A destination names one service: its \`host\` must be a valid (possibly wildcard) domain name and cannot be \`*\`; \`subset\` is a DNS label defined in a DestinationRule; \`port.number\` lies in 1–65535.
Weights must not be negative, and when a rule has several destinations at least one must have a positive weight.
Weights do not have to add up to 100: Envoy normalises them.

## Example
\`\`\`yaml
http:
- route:
  - destination: {host: reviews, subset: v1.0}   # '.' is not allowed in a subset name
    weight: 0
  - destination: {host: "*"}                     # '*' is not a service
    weight: 0                                    # and all weights are 0
\`\`\`

## Fix
Name a real service and subset, and give the destinations positive weights.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    forEachHttpRule(spec, (rule, i) => {
      checkRoutes(ctx, rule.route, ['spec', 'http', i, 'route']);
      checkDestination(ctx, rule.mirror, ['spec', 'http', i, 'mirror']);
      list(rule.mirrors).forEach((mirror, m) => checkDestination(ctx, obj(mirror)?.destination, ['spec', 'http', i, 'mirrors', m, 'destination']));
    });
    for (const section of ['tcp', 'tls'] as const) {
      list(spec[section]).forEach((item, i) => checkRoutes(ctx, obj(item)?.route, ['spec', section, i, 'route']));
    }
  },
);
