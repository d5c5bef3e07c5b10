// A Gateway server port that no Service of the gateway workload exposes: the proxy listens on it,
// but no traffic can reach it through the gateway's Service.
import type { IndexView } from '../../index/workspace-index';
import { labelsMatch, selectorString, stringMap, type Workload } from '../../index/workloads';
import { isObject, type Resource, resourceLabel } from '../../model/resource';
import { appendListItem } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';
import { gatewayServers } from './conflicting-gateways';
import { gatewayWorkloads, reportByDecidability, specLabels } from './unmatched-gateway-selector';

/** A Service port as a number: numbers, and numeric strings (`targetPort: "8080"`); names are not numbers. */
function portNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^[1-9]\d*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * The ports through which a Service reaches the workload: each TCP port number and its numeric
 * `targetPort`. A gateway server may listen on either: istioctl accepts both, and Kubernetes defaults
 * an omitted `protocol` to TCP.
 */
function tcpPorts(service: Resource): number[] {
  const spec = isObject(service.value.spec) ? service.value.spec : {};
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  return ports.flatMap((p) => {
    if (!isObject(p) || (p.protocol !== undefined && p.protocol !== 'TCP')) return [];
    return [portNumber(p.port), portNumber(p.targetPort)].filter((n): n is number => n !== undefined);
  });
}

/** Services in the workload's namespace whose selector matches it (a Service without selector selects nothing). */
function servicesOf(view: IndexView, workload: Workload): Resource[] {
  return view.inNamespace('Service', workload.namespace).filter((s) => {
    const selector = stringMap(isObject(s.value.spec) ? s.value.spec.selector : undefined);
    return Object.keys(selector).length > 0 && labelsMatch(selector, workload.labels);
  });
}

function portName(protocol: unknown, port: number): string {
  const p = typeof protocol === 'string' && /^[A-Za-z0-9]+$/.test(protocol) ? protocol.toLowerCase() : 'tcp';
  return `${p}-${port}`;
}

export const gatewayPortNotOnService = defineWorkspaceAnalyzer(
  {
    code: 'IY925',
    name: 'gateway-port-not-on-service',
    severity: 'warning',
    category: 'workspace',
    inputs: ['Gateway'],
    summary: 'A Gateway server port is not exposed by any Service that selects the gateway workload.',
    istioctl: 'IST0162',
    fix: 'unsafe',
    docs: `## Why
The gateway proxy opens a listener for every server port, but clients reach the proxy through its
Service. A port that no Service selecting the gateway workload lists (as \`port\` or as \`targetPort\`)
is unreachable from outside the Pod. Only the Services in the gateway workload's namespace count.

When no Service in the workspace selects the gateway workload, the finding is information: the
Service may be installed with the gateway, outside the repository.

## Example
\`\`\`yaml
kind: Gateway
spec:
  selector: {istio: ingressgateway}     # its Service exposes 80 and 443
  servers:
  - port: {number: 8004, name: http, protocol: HTTP}
    hosts: ["*"]
\`\`\`

## Fix
Add the port to the gateway's Service (review the name and the external port before applying).`,
  },
  (ctx) => {
    const selector = specLabels(ctx.resource.value, 'selector');
    const workloads = gatewayWorkloads(ctx.index, selector);
    if (!workloads.length) return; // IY920 reports the selector
    const services = [...new Set(workloads.flatMap((w) => servicesOf(ctx.index, w)))];
    const exposed = new Set(services.flatMap(tcpPorts));
    const spec = isObject(ctx.resource.value.spec) ? ctx.resource.value.spec : {};
    const rawServers = Array.isArray(spec.servers) ? spec.servers : [];
    const sel = selectorString(selector) || '(all workloads)';
    for (const server of gatewayServers(ctx.resource)) {
      const raw = rawServers[server.index];
      if (!isObject(raw) || !isObject(raw.port) || typeof raw.port.number !== 'number' || exposed.has(server.port)) continue;
      const path = ['spec', 'servers', server.index, 'port', 'number'];
      if (!services.length) {
        reportByDecidability(
          ctx,
          path,
          `port ${server.port} is not exposed: no Service selects the gateway workload ${resourceLabel(workloads[0].resource)} (selector '${sel}')`,
          false,
          'the workspace holds no Service for the gateway, so it may be installed elsewhere',
        );
        continue;
      }
      const fixes: FindingFix[] = [];
      const edit = appendListItem(services[0], ['spec', 'ports'], `- name: ${portName(raw.port.protocol, server.port)}\n  port: ${server.port}\n  targetPort: ${server.port}\n  protocol: TCP`);
      if (edit) fixes.push({ title: `Add port ${server.port} to ${resourceLabel(services[0])}`, edits: [edit] });
      const offered = [...exposed].sort((a, b) => a - b).join(', ');
      ctx.report({
        path,
        message: `port ${server.port} is not exposed by the Services of the gateway workload (selector '${sel}'): ${services.map(resourceLabel).join(', ')} expose${services.length === 1 ? 's' : ''} ${offered || 'no TCP port'}`,
        fixes,
        related: services.map((s) => ({ resource: s, path: ['spec', 'ports'], message: 'Service of the gateway workload' })),
      });
    }
  },
);
