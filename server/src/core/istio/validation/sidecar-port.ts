// The checks Istio applies to a Sidecar listener's `port`, shared by ingress and egress listeners.
import type { PathSegment } from '../../yaml/path';
import { isDns1123Label } from './dns';
import { KNOWN_PROTOCOLS, parseProtocol } from './protocol';
import { type JsonObject, num } from './values';

export interface PortFinding {
  readonly path: PathSegment[];
  readonly target?: 'key' | 'value';
  readonly message: string;
}

/** Problems of `port` (at `at`, the listener's path): targetPort set, a bad name, an unknown protocol. */
export function sidecarPortFindings(port: JsonObject, at: readonly PathSegment[]): PortFinding[] {
  const out: PortFinding[] = [];
  const targetPort = num(port.targetPort);
  if (targetPort !== undefined && targetPort > 0) out.push({ path: [...at, 'port', 'targetPort'], target: 'key', message: 'targetPort has no effect on Sidecars; remove it' });
  if (typeof port.name === 'string' && port.name !== '' && !isDns1123Label(port.name)) out.push({ path: [...at, 'port', 'name'], message: `port name '${port.name}' is not a DNS label` });
  const protocol = typeof port.protocol === 'string' ? port.protocol : '';
  if (protocol !== '' && !parseProtocol(protocol)) out.push({ path: [...at, 'port', 'protocol'], message: `unknown protocol '${protocol}'; use one of ${KNOWN_PROTOCOLS.join(', ')}` });
  return out;
}
