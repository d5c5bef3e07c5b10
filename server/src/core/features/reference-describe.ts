// Markdown descriptions of the objects references name (Gateways, hosts, ports, subsets, workloads),
// shared by reference completions and reference hovers so both describe a target with the same words.
import type { HostEntry, HostPort } from '../index/host-table';
import { GATEWAY_API_GATEWAY } from '../index/kind-key';
import type { IndexView } from '../index/workspace-index';
import { keyOf } from '../index/workspace-index';
import { type Labels, labelsMatch, selectorString, stringMap, type Workload } from '../index/workloads';
import { isObject, type JsonObject, type Resource, resourceLabel } from '../model/resource';
import { code } from './field-docs';

/** How many workloads a description names before summing up the rest. */
export const WORKLOAD_LIMIT = 10;

function specOf(resource: Resource): JsonObject {
  return isObject(resource.value.spec) ? resource.value.spec : {};
}

/** `Kind ns/name` with the identity in code: `Gateway \`istio-system/public\``. */
export function objectLabel(resource: Resource): string {
  const label = resourceLabel(resource);
  const space = label.indexOf(' ');
  return `${label.slice(0, space)} ${code(label.slice(space + 1))}`;
}

export function labelsText(labels: Labels): string {
  const text = selectorString(labels);
  return text ? text.split(',').map(code).join(', ') : 'no labels';
}

/** A bullet list of workloads, at most WORKLOAD_LIMIT of them. */
export function workloadsText(workloads: readonly Workload[], verb = 'Selects'): string {
  if (!workloads.length) return `${verb} no workload of the workspace.`;
  const lines = workloads.slice(0, WORKLOAD_LIMIT).map((w) => `- ${objectLabel(w.resource)}`);
  if (workloads.length > WORKLOAD_LIMIT) lines.push(`- … and ${workloads.length - WORKLOAD_LIMIT} more`);
  return `${verb} ${workloads.length === 1 ? '1 workload' : `${workloads.length} workloads`}:\n${lines.join('\n')}`;
}

export function portText(port: HostPort): string {
  const protocol = port.appProtocol ?? port.protocol;
  return [code(String(port.number)), port.name, protocol && `(${protocol})`].filter(Boolean).join(' ');
}

function portsText(ports: readonly HostPort[]): string {
  return ports.length ? `Ports:\n${ports.map((p) => `- ${portText(p)}`).join('\n')}` : 'No ports.';
}

/** A Service or ServiceEntry a host names, with its ports (and the ServiceEntry's other facts). */
export function hostEntryText(entry: HostEntry): string {
  const spec = specOf(entry.resource);
  const parts = [`${objectLabel(entry.resource)} · ${code(entry.host)}`];
  if (keyOf(entry.resource) === 'ServiceEntry') {
    const facts = [typeof spec.location === 'string' ? spec.location : 'MESH_EXTERNAL', typeof spec.resolution === 'string' ? spec.resolution : 'NONE'];
    parts.push(`Location ${code(facts[0])}, resolution ${code(facts[1])}.`);
  }
  parts.push(portsText(entry.ports));
  return parts.join('\n\n');
}

function serverLine(server: unknown): string | undefined {
  if (!isObject(server)) return undefined;
  const port = isObject(server.port) ? server.port : {};
  const hosts = Array.isArray(server.hosts) ? server.hosts.filter((h): h is string => typeof h === 'string') : [];
  const where = [typeof port.number === 'number' ? String(port.number) : '?', typeof port.protocol === 'string' ? port.protocol : '?'].join('/');
  return `- ${code(where)} ${hosts.map(code).join(', ') || '(no hosts)'}`;
}

function listenerLine(listener: unknown): string | undefined {
  if (!isObject(listener)) return undefined;
  const where = [typeof listener.port === 'number' ? String(listener.port) : '?', typeof listener.protocol === 'string' ? listener.protocol : '?'].join('/');
  return `- ${code(where)} ${typeof listener.hostname === 'string' ? code(listener.hostname) : 'any host'}`;
}

/** A Gateway's servers (port/protocol: hosts) and selector, with the workloads it selects. */
export function gatewayText(gateway: Resource, view: IndexView): string {
  const spec = specOf(gateway);
  if (keyOf(gateway) === GATEWAY_API_GATEWAY) {
    const listeners = Array.isArray(spec.listeners) ? spec.listeners.map(listenerLine).filter((l): l is string => !!l) : [];
    return [typeof spec.gatewayClassName === 'string' ? `Class ${code(spec.gatewayClassName)}.` : '', listeners.length ? `Listeners:\n${listeners.join('\n')}` : 'No listeners.'].filter(Boolean).join('\n\n');
  }
  const servers = Array.isArray(spec.servers) ? spec.servers.map(serverLine).filter((l): l is string => !!l) : [];
  const selector = stringMap(spec.selector);
  const parts = [servers.length ? `Servers:\n${servers.join('\n')}` : 'No servers.'];
  if (Object.keys(selector).length) {
    const selected = view.hasWorkloads() ? view.workloads().filter((w) => labelsMatch(selector, w.labels)).length : undefined;
    const count = selected === undefined ? '' : ` (${selected === 1 ? '1 workload' : `${selected} workloads`})`;
    parts.push(`Selector: ${labelsText(selector)}${count}`);
  }
  return parts.join('\n\n');
}

/** Names and types of a Secret's data keys, never their values. */
export function secretText(secret: Resource): string {
  const type = typeof secret.value.type === 'string' ? secret.value.type : 'Opaque';
  const keys = [...new Set([...Object.keys(isObject(secret.value.data) ? secret.value.data : {}), ...Object.keys(isObject(secret.value.stringData) ? secret.value.stringData : {})])].sort();
  return `Type ${code(type)}${keys.length ? `; keys ${keys.map(code).join(', ')}` : ''}.`;
}
