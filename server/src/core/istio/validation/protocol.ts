// Port protocols Istio understands (`protocol.Parse`, case-insensitive) and their families.

const KNOWN = new Map<string, string>(
  ['TCP', 'UDP', 'GRPC', 'GRPC-WEB', 'HTTP', 'HTTP_PROXY', 'HTTP2', 'HTTPS', 'TLS', 'MONGO', 'REDIS', 'MYSQL'].map((p) => [p.toLowerCase(), p]),
);

export const KNOWN_PROTOCOLS: readonly string[] = [...KNOWN.values()];

/** The canonical protocol name, or undefined when Istio does not know it. */
export function parseProtocol(text: string): string | undefined {
  return KNOWN.get(text.toLowerCase());
}

/** HTTP-family protocols: HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-WEB. */
export function isHttpProtocol(text: string): boolean {
  const p = parseProtocol(text);
  return p === 'HTTP' || p === 'HTTP2' || p === 'HTTP_PROXY' || p === 'GRPC' || p === 'GRPC-WEB';
}

/** TLS-family protocols: HTTPS and TLS. */
export function isTlsProtocol(text: string): boolean {
  const p = parseProtocol(text);
  return p === 'HTTPS' || p === 'TLS';
}

/** Protocols carried over plain TCP connections as Istio classifies them (`Instance.IsTCP`). */
export function isTcpProtocol(text: string): boolean {
  const p = parseProtocol(text);
  return p === 'TCP' || p === 'HTTPS' || p === 'TLS' || p === 'MONGO' || p === 'REDIS' || p === 'MYSQL';
}
