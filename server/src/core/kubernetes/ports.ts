// How Istio derives a Service port's protocol (`kube.ConvertProtocol`), and conservative guesses of
// the protocol a port that says nothing probably carries (for quick fixes).
import { parseProtocol } from '../istio/validation/protocol';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import { isIstioControlPlane, isSystemNamespace, labelsOf } from './objects';

export interface ServicePort {
  readonly index: number;
  readonly value: JsonObject;
  readonly name: string;
  readonly port?: number;
  /** `protocol` as written (`TCP`, `UDP`, `SCTP`), '' when absent. */
  readonly protocol: string;
  readonly appProtocol?: string;
  readonly targetPort?: number | string;
}

export function servicePorts(spec: unknown): ServicePort[] {
  const ports = isObject(spec) && Array.isArray(spec.ports) ? spec.ports : [];
  return ports.flatMap((p, index) => {
    if (!isObject(p)) return [];
    return [
      {
        index,
        value: p,
        name: typeof p.name === 'string' ? p.name : '',
        port: typeof p.port === 'number' ? p.port : undefined,
        protocol: typeof p.protocol === 'string' ? p.protocol : '',
        appProtocol: typeof p.appProtocol === 'string' ? p.appProtocol : undefined,
        targetPort: typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : undefined,
      },
    ];
  });
}

/** Ports Istio treats as TCP when their name says nothing (SMTP, DNS, MySQL, MongoDB: server-first protocols). */
const WELL_KNOWN_TCP_PORTS = new Set([25, 53, 3306, 27017]);

/**
 * The protocol Istio assigns to a Service port, or undefined when it cannot tell (then it sniffs).
 * UDP ports are UDP; else `appProtocol` when set (with Kubernetes' `kubernetes.io/h2c|ws|wss`), else
 * the port name: a `grpc-web` prefix, or the text before the first `-`, case-insensitively.
 */
export function portProtocol(port: ServicePort): string | undefined {
  if (port.protocol === 'UDP') return 'UDP';
  let name = port.name;
  if (port.appProtocol !== undefined) {
    if (port.appProtocol === 'kubernetes.io/h2c') return 'HTTP2';
    if (port.appProtocol === 'kubernetes.io/ws' || port.appProtocol === 'kubernetes.io/wss') return 'HTTP';
    name = port.appProtocol;
  }
  if (name.toLowerCase().startsWith('grpc-web')) return 'GRPC-WEB';
  const dash = name.indexOf('-');
  const parsed = parseProtocol(dash >= 0 ? name.slice(0, dash) : name);
  if (parsed) return parsed;
  return port.port !== undefined && WELL_KNOWN_TCP_PORTS.has(port.port) ? 'TCP' : undefined;
}

/** Conventional ports whose protocol is clear enough to propose (lower-case, as port names use it). */
const PROTOCOL_BY_PORT: ReadonlyMap<number, string> = new Map([
  [80, 'http'],
  [8080, 'http'],
  [443, 'https'],
  [8443, 'https'],
  [3306, 'mysql'],
  [5432, 'tcp'],
  [6379, 'redis'],
  [27017, 'mongo'],
]);

export interface ProtocolGuess {
  /** Lower-case, as port names write it. */
  readonly protocol: string;
  /** For people: `HTTP`, `MySQL`. */
  readonly display: string;
  readonly because: string;
}

const DISPLAY: Readonly<Record<string, string>> = { mysql: 'MySQL', mongo: 'MongoDB', redis: 'Redis', tcp: 'TCP' };

function display(protocol: string): string {
  return DISPLAY[protocol] ?? protocol.toUpperCase();
}

/**
 * The protocol a port probably carries: a known protocol among the `-`-separated parts of its name
 * (`metrics-http`), else a conventional port number (the Service port, then a numeric targetPort).
 */
export function guessProtocol(port: ServicePort): ProtocolGuess | undefined {
  for (const part of port.name.split('-').slice(1)) {
    const p = parseProtocol(part);
    if (p && p !== 'UDP') return { protocol: p.toLowerCase(), display: display(p.toLowerCase()), because: `its name contains '${part}'` };
  }
  for (const n of [port.port, typeof port.targetPort === 'number' ? port.targetPort : undefined]) {
    const p = n !== undefined ? PROTOCOL_BY_PORT.get(n) : undefined;
    if (p) return { protocol: p, display: display(p), because: `port ${n} conventionally carries ${p === 'tcp' ? 'a server-first protocol (PostgreSQL)' : display(p)}` };
  }
  return undefined;
}

/**
 * Services istioctl does not check port names of: in system namespaces, of the control plane
 * (`istio` or `release: istio` labels), and those Istio generates for gateways and waypoints
 * (`gateway.istio.io/managed`), whose ports it names itself.
 */
export function portNamesExempt(resource: Resource): boolean {
  return isSystemNamespace(resource.namespace) || isIstioControlPlane(resource) || 'gateway.istio.io/managed' in labelsOf(resource);
}
