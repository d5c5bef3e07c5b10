// The CEL environment of Kubernetes' CRD validation rules: `self`, the standard library (which already
// has the strings extension: substring, indexOf, ...), and the Kubernetes URL library (url, isURL).
import { Environment, type RegisterFunctionWithName } from '@marcbachmann/cel-js';
import { escapedPath, type GoUrl, hostname, parseRequestUri, port, query } from './go-url';

/**
 * Thrown by library functions for a well-typed argument that is not a valid value (a string that is
 * no URL). The API server rejects such an object, so the rule counts as broken.
 */
export class CelValueError extends Error {}

/** A value of the CEL type `kubernetes.URL`. */
class KubernetesUrl {
  constructor(readonly url: GoUrl) {}
}

const URL_TYPE = 'kubernetes.URL';

function toUrl(text: string): KubernetesUrl {
  const parsed = parseRequestUri(text);
  if (typeof parsed === 'string') throw new CelValueError(`URL parse error during conversion from string: ${parsed}`);
  return new KubernetesUrl(parsed);
}

function urlMethod(name: string, returnType: string, handler: (url: GoUrl) => unknown): RegisterFunctionWithName {
  return { name, receiverType: URL_TYPE, returnType, params: [], handler: (u: KubernetesUrl) => handler(u.url) };
}

function createEnvironment(): Environment {
  // cel-go (and so Kubernetes) types mixed list and map literals as list(dyn); so do we.
  const env = new Environment({ homogeneousAggregateLiterals: false, unlistedVariablesAreDyn: false });
  env.registerVariable('self', 'dyn');
  env.registerType(URL_TYPE, KubernetesUrl);
  env.registerFunction('url(string): kubernetes.URL', (text: string) => toUrl(text));
  env.registerFunction('isURL(string): bool', (text: string) => typeof parseRequestUri(text) !== 'string');
  env.registerFunction(urlMethod('getScheme', 'string', (u) => u.scheme));
  env.registerFunction(urlMethod('getHost', 'string', (u) => u.host));
  env.registerFunction(urlMethod('getHostname', 'string', hostname));
  env.registerFunction(urlMethod('getPort', 'string', port));
  env.registerFunction(urlMethod('getEscapedPath', 'string', escapedPath));
  env.registerFunction(urlMethod('getQuery', 'map<string, list<string>>', query));
  return env;
}

let environment: Environment | undefined;

/** The shared environment, built on first use (registering the library is not free). */
export function celEnvironment(): Environment {
  return (environment ??= createEnvironment());
}
