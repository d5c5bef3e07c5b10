// `validateServerPort` and `validateServerBind` for Gateway servers.
import type { PathSegment } from '../../yaml/path';
import { isIpAddress, isValidPort, UNIX_PREFIX, unixAddressProblem } from './network';
import { KNOWN_PROTOCOLS, parseProtocol } from './protocol';
import { num, obj, type JsonObject } from './values';

export interface PortFinding {
  readonly path: PathSegment[];
  readonly message: string;
  readonly target?: 'key' | 'value';
}

/** Problems of a server's port and bind address; an empty list means the port is valid. */
export function serverPortFindings(server: JsonObject, path: PathSegment[]): PortFinding[] {
  const out: PortFinding[] = [];
  const port = obj(server.port);
  const bind = typeof server.bind === 'string' ? server.bind : '';
  const unix = bind.startsWith(UNIX_PREFIX);
  if (port) {
    const protocol = port.protocol;
    if (typeof protocol === 'string' && !parseProtocol(protocol)) {
      out.push({ path: [...path, 'port', 'protocol'], message: `unknown protocol '${protocol}'; use one of ${KNOWN_PROTOCOLS.join(', ')}` });
    }
    const number = num(port.number) ?? 0;
    if ((number > 0 || !unix) && !isValidPort(number)) {
      out.push({ path: [...path, 'port', 'number'], message: `port ${number} is not within 1–65535` });
    }
    if (unix && number !== 0) {
      out.push({ path: [...path, 'port', 'number'], message: `a server bound to a unix socket must use port number 0, not ${number}` });
    }
    const targetPort = num(port.targetPort);
    if (targetPort !== undefined && targetPort > 0) {
      out.push({ path: [...path, 'port', 'targetPort'], target: 'key', message: 'targetPort has no effect on Gateways; remove it (the gateway listens on the port number)' });
    }
    if (port.name === '') out.push({ path: [...path, 'port', 'name'], message: 'the port name must not be empty' });
  }
  if (unix) {
    const problem = unixAddressProblem(bind.slice(UNIX_PREFIX.length));
    if (problem) out.push({ path: [...path, 'bind'], message: `invalid bind address: ${problem}` });
  } else if (bind !== '' && !isIpAddress(bind)) {
    out.push({ path: [...path, 'bind'], message: `bind '${bind}' is not an IP address or a unix:// socket path` });
  }
  return out;
}
