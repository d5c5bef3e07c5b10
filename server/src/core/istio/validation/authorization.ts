// AuthorizationPolicy value checks (`security.ValidateAttribute` and friends): condition keys,
// IP blocks, ports, service accounts and path templates.
import { isCidr, isIpAddress } from './network';

function mapKeyProblem(key: string): string | undefined {
  const open = key.indexOf('[');
  if (key.endsWith(']') && open > 0 && open < key.length - 2) return undefined;
  return `condition key '${key}' should have the form name[value]`;
}

/** Problems of `values` of a `when` condition, or of its key. */
export function conditionProblem(key: string, values: readonly string[]): string | undefined {
  if (values.some((v) => v === '')) return `empty values are not allowed for key '${key}'`;
  if (key.startsWith('request.headers')) return mapKeyProblem(key);
  if (key.startsWith('request.experimental.inline.headers')) return mapKeyProblem(key);
  if (key === 'source.ip' || key === 'remote.ip' || key === 'destination.ip') return ipsProblem(values);
  if (key === 'source.serviceAccount') return serviceAccountsProblem(values);
  if (['source.namespace', 'source.principal', 'request.auth.principal', 'request.auth.audiences', 'request.auth.presenter', 'connection.sni'].includes(key)) return undefined;
  if (key === 'source.trustDomain') return undefined;
  if (key.startsWith('request.auth.claims')) return mapKeyProblem(key);
  if (key === 'destination.port') return portsProblem(values);
  if (key.startsWith('experimental.envoy.filters.')) return mapKeyProblem(key);
  if (key === 'destination.namespace') return `attribute '${key}' is not supported; the policy's own namespace already limits it`;
  if (key.startsWith('destination.labels')) return `attribute '${key}' is not supported; use the policy's selector instead`;
  if (key === 'destination.name' || key === 'destination.user') return `attribute '${key}' is no longer supported (it only existed in v1alpha1)`;
  return `unknown attribute '${key}'`;
}

export function ipsProblem(values: readonly string[]): string | undefined {
  for (const v of values) {
    if (v.includes('/') ? !isCidr(v) : !isIpAddress(v)) return `'${v}' is not a valid IP address or CIDR block`;
  }
  return undefined;
}

export function portsProblem(values: readonly string[]): string | undefined {
  for (const v of values) {
    if (!/^\d+$/.test(v) || Number(v) > 65535) return `'${v}' is not a valid port`;
  }
  return undefined;
}

/** `security.CheckServiceAccount`: `name` or `namespace/name`, no wildcards, at most 320 characters. */
export function serviceAccountsProblem(values: readonly string[]): string | undefined {
  if (values.length > 16) return 'at most 16 service accounts may be listed';
  for (const v of values) {
    if (v === '') return 'empty service account values are not allowed';
    if (v.includes('*')) return `wildcards are not allowed in service accounts ('${v}')`;
    const slashes = v.split('/').length - 1;
    if (slashes > 1) return `'${v}' must be 'serviceAccount' or 'namespace/serviceAccount'`;
    if (v.length > 320) return `service account '${v.slice(0, 40)}...' is longer than 320 characters`;
    if (slashes === 1) {
      const [ns, sa] = v.split('/');
      if (!ns || !sa) return `'${v}' must be 'serviceAccount' or 'namespace/serviceAccount'`;
    }
  }
  return undefined;
}

const VALID_LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;

/** `security.CheckValidPathTemplate`: `{*}`/`{**}` only as whole segments, `{**}` last. */
export function pathTemplateProblem(path: string): string | undefined {
  const hasTemplate = path.includes('{*}') || path.includes('{**}');
  let matchAny = false;
  for (const glob of path.replace(/^\/+|\/+$/g, '').split('/')) {
    if (glob === '{*}' && !matchAny) continue;
    if (glob === '{**}' && !matchAny) {
      matchAny = true;
      continue;
    }
    if ((glob === '{**}' || glob === '{*}') && matchAny) return `path '${path}': {**} must be the last segment`;
    if (glob.includes('{') || glob.includes('}')) return `path '${path}': '{' and '}' may only appear in the templates {*} and {**}`;
    if (hasTemplate && !VALID_LITERAL.test(glob)) return `path '${path}': segment '${glob}' has characters not allowed next to path templates`;
  }
  return undefined;
}
