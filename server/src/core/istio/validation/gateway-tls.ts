// TLS findings of every Gateway server: whether the protocol needs or forbids `tls`
// (`validateServer`), `httpsRedirect` on non-HTTP servers, and the TLS options themselves.
import type { PathSegment } from '../../yaml/path';
import { isHttpProtocol, isTlsProtocol } from './protocol';
import { serverPortFindings } from './server-port';
import { serverTlsFindings, tlsMode, type TlsFinding } from './server-tls';
import { list, nonEmpty, obj, type JsonObject } from './values';

export function gatewayTlsFindings(spec: JsonObject): TlsFinding[] {
  const out: TlsFinding[] = [];
  list(spec.servers).forEach((item, i) => {
    const server = obj(item);
    if (!server) return;
    const path: PathSegment[] = ['spec', 'servers', i];
    const tls = obj(server.tls);
    if (tls) out.push(...serverTlsFindings(tls, [...path, 'tls']));
    const port = obj(server.port);
    const protocol = typeof port?.protocol === 'string' ? port.protocol : undefined;
    if (tls && protocol !== undefined && !isHttpProtocol(protocol) && tls.httpsRedirect === true) {
      out.push({ path: [...path, 'tls', 'httpsRedirect'], level: 'warning', target: 'key', message: `httpsRedirect only applies to HTTP servers; this server's protocol is ${protocol}` });
    }
    // Istio checks the protocol/TLS pairing only when the port itself is valid.
    if (!port || protocol === undefined || serverPortFindings(server, path).length > 0) return;
    if (isTlsProtocol(protocol) && server.tls == null) {
      out.push({ path: [...path, 'port', 'protocol'], level: 'error', target: 'value', message: `a ${protocol} server needs 'tls' settings (mode and certificates)` });
    } else if (!isTlsProtocol(protocol) && tls) {
      if (isHttpProtocol(protocol)) {
        const passthrough = tlsMode(tls) === 'PASSTHROUGH' || tlsMode(tls) === 'AUTO_PASSTHROUGH';
        if (!passthrough || nonEmpty(tls.caCertificates) || nonEmpty(tls.privateKey) || nonEmpty(tls.serverCertificate)) {
          out.push({ path: [...path, 'tls'], level: 'error', target: 'key', message: `a plain-text ${protocol} server cannot terminate TLS; use protocol HTTPS, or keep only 'httpsRedirect: true'` });
        }
      } else {
        out.push({ path: [...path, 'tls'], level: 'error', target: 'key', message: `a ${protocol} server cannot have TLS settings; use protocol TLS or HTTPS` });
      }
    }
  });
  return out;
}
