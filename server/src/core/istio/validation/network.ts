// Ports, IP addresses, CIDR blocks and unix socket paths, parsed the way Go's net/netip does.

/** `agent.ValidatePort`: an integer in 1..65535. */
export function isValidPort(port: unknown): boolean {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
}

const IPV4_OCTET = /^(?:0|[1-9]\d{0,2})$/;

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  for (const part of parts) {
    // netip rejects leading zeros, which some parsers read as octal.
    if (!IPV4_OCTET.test(part) || Number(part) > 255) return false;
  }
  return true;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isIpv6(text: string): boolean {
  let address = text;
  const zone = address.indexOf('%');
  if (zone >= 0) {
    if (zone === address.length - 1) return false;
    address = address.slice(0, zone);
  }
  let groups = 0;
  let body = address;
  // An embedded IPv4 address counts as two groups.
  const lastColon = body.lastIndexOf(':');
  if (lastColon >= 0 && body.indexOf('.', lastColon) > 0) {
    if (!isIpv4(body.slice(lastColon + 1))) return false;
    groups += 2;
    body = body.slice(0, lastColon + 1);
    // Keep a trailing `::`, drop a single trailing `:` (it only separated the IPv4 part).
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const doubleColon = body.indexOf('::');
  if (doubleColon >= 0 && body.indexOf('::', doubleColon + 1) >= 0) return false;
  const halves = doubleColon >= 0 ? [body.slice(0, doubleColon), body.slice(doubleColon + 2)] : [body];
  for (const half of halves) {
    if (half === '') continue;
    for (const group of half.split(':')) {
      if (!HEX_GROUP.test(group)) return false;
      groups++;
    }
  }
  return doubleColon >= 0 ? groups <= 7 : groups === 8;
}

/** `netip.ParseAddr` succeeds: an IPv4 or IPv6 address (IPv6 may carry a `%zone`). */
export function isIpAddress(text: string): boolean {
  if (text.includes(':')) return isIpv6(text);
  return isIpv4(text);
}

/** `netip.ParsePrefix` succeeds: `address/bits` without a zone. */
export function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0 || text.indexOf('/', slash + 1) >= 0) return false;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (address.includes('%') || !/^(?:0|[1-9]\d{0,2})$/.test(bits)) return false;
  if (address.includes(':')) return isIpv6(address) && Number(bits) <= 128;
  return isIpv4(address) && Number(bits) <= 32;
}

/** `agent.ValidateIPSubnet`: a CIDR block when it has one `/`, else an IP address. */
export function subnetProblem(subnet: string): string | undefined {
  if (subnet.split('/').length === 2) return isCidr(subnet) ? undefined : `'${subnet}' is not a valid CIDR block`;
  return isIpAddress(subnet) ? undefined : `'${subnet}' is not a valid IP address`;
}

/** `ValidateUnixAddress` on the part after `unix://`: an absolute file path or an abstract `@name`. */
export function unixAddressProblem(path: string): string | undefined {
  if (path.length === 0) return 'the unix socket address must not be empty';
  if (path.startsWith('@')) return undefined;
  if (!path.startsWith('/') || path.endsWith('/')) return `'${path}' is not an absolute path to a file`;
  return undefined;
}

export const UNIX_PREFIX = 'unix://';
