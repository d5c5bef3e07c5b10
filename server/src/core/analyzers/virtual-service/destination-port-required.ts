// A destination without `port` whose Service or ServiceEntry declares several ports: which port the
// traffic goes to then depends on the listener it arrived on, and at a gateway on nothing sensible.
import { lookupHost } from '../../index/host-table';
import { referenceSites } from '../../index/references';
import { valueAt } from '../../index/field-paths';
import { isObject } from '../../model/resource';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';
import { describeEntry, insertAfterEntry, listText, mostSpecific, portNumbers } from '../routing';

export const destinationPortRequired = defineWorkspaceAnalyzer(
  {
    code: 'IY905',
    name: 'destination-port-required',
    severity: 'error',
    category: 'reference',
    inputs: ['VirtualService'],
    summary: 'A destination omits its port while the destination Service or ServiceEntry declares more than one.',
    istioctl: 'IST0112',
    fix: 'unsafe',
    docs: `## Why
\`destination.port\` may be left out only when the destination host has a single port. With several, the
port Envoy uses is the one the request arrived on, if the destination has it: a gateway listening on 80
routing to a Service on 9080 and 9443 has no matching port, and a route meant for one port silently
applies to another. istioctl reports this as IST0112.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  http:
  - route:
    - destination:
        host: reviews     # Service reviews declares ports 9080 and 9443
\`\`\`

## Fix
Add \`port: {number: N}\` for one of the declared ports (one fix per port; none is preferred, since only
you know which one the route is for).`,
  },
  (ctx) => {
    for (const site of referenceSites(ctx.resource)) {
      if (site.rule.type !== 'host') continue;
      const destinationPath = site.path.slice(0, -1);
      const destination = valueAt(ctx.resource.value, destinationPath);
      if (!isObject(destination) || destination.port !== undefined) continue;
      const entries = mostSpecific(lookupHost(ctx.index, ctx.resource.namespace, site.value));
      const ports = portNumbers(entries);
      if (ports.length < 2) continue;
      const fixes: FindingFix[] = [];
      for (const port of ports.slice(0, 6)) {
        const edit = insertAfterEntry(ctx.resource, site.path, ['port:', `  number: ${port}`]);
        if (edit) fixes.push({ title: `Add port ${port}`, edits: [edit] });
      }
      ctx.report({
        path: site.path,
        message: `${site.rule.label} '${site.value}' needs a port: ${listText(entries.map(describeEntry))} declares ports ${listText(ports.map(String), 8)}`,
        fixes,
        related: entries.map((e) => ({ resource: e.resource, path: ['spec', 'ports'], message: `ports of ${describeEntry(e)}` })),
      });
    }
  },
);
