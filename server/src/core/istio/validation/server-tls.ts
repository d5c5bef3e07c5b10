// `validateTLSOptions` for Gateway servers and Sidecar ingress listeners: which certificate settings
// each TLS mode needs or forbids (errors), and settings that are ignored or risky (warnings).
import type { PathSegment } from '../../yaml/path';
import { list, nonEmpty, obj, type JsonObject } from './values';

export interface TlsFinding {
  readonly path: PathSegment[];
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly target?: 'key' | 'value';
}

// BoringSSL cipher suite names Envoy accepts (`security.ValidCipherSuites`).
const CIPHER_SUITES = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA', 'ECDHE-RSA-AES256-SHA', 'AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA',
]);

/** `security.IsValidCipherSuite`: expressions starting with an operator (`-`, `+`, `!`, `[`) are not checked. */
export function isValidCipherSuite(cs: string): boolean {
  if (cs === '' || cs === 'ALL') return true;
  if (!/^[\p{L}\p{N}]/u.test(cs)) return true;
  return CIPHER_SUITES.has(cs);
}

/** The TLS mode, with Istio's default (PASSTHROUGH) when unset. */
export function tlsMode(tls: JsonObject): string {
  return typeof tls.mode === 'string' && tls.mode ? tls.mode : 'PASSTHROUGH';
}

export function serverTlsFindings(tls: JsonObject, path: PathSegment[]): TlsFinding[] {
  const out: TlsFinding[] = [];
  const error = (field: string | undefined, message: string, target: 'key' | 'value' = 'key'): void => {
    out.push({ path: field ? [...path, field] : path, level: 'error', message, target });
  };
  const warning = (field: string | undefined, message: string, target: 'key' | 'value' = 'key'): void => {
    out.push({ path: field ? [...path, field] : path, level: 'warning', message, target });
  };
  const mode = tlsMode(tls);
  const ciphers = list(tls.cipherSuites).filter((c): c is string => typeof c === 'string');
  const min = tls.minProtocolVersion;
  if ((min === 'TLSV1_0' || min === 'TLSV1_1') && ciphers.length === 0) {
    warning('minProtocolVersion', `minProtocolVersion ${min} needs cipherSuites: the default ciphers no longer include ones that TLS below 1.2 can use`);
  }
  const seen = new Set<string>();
  list(tls.cipherSuites).forEach((cs, i) => {
    if (typeof cs !== 'string') return;
    const at = [...path, 'cipherSuites', i];
    if (!isValidCipherSuite(cs)) out.push({ path: at, level: 'warning', message: `cipher suite '${cs}' is not supported and will be ignored` });
    else if (seen.has(cs)) out.push({ path: at, level: 'warning', message: `cipher suite '${cs}' is listed twice; the duplicate is ignored` });
    seen.add(cs);
  });

  const serverCertificate = nonEmpty(tls.serverCertificate);
  const privateKey = nonEmpty(tls.privateKey);
  const caCertificates = nonEmpty(tls.caCertificates);
  const credentialName = nonEmpty(tls.credentialName);
  const credentialNames = list(tls.credentialNames).length > 0;
  const tlsCertificates = list(tls.tlsCertificates);

  if (mode === 'ISTIO_MUTUAL') {
    const forbidden: [boolean, string][] = [
      [serverCertificate, 'serverCertificate'], [privateKey, 'privateKey'], [caCertificates, 'caCertificates'],
      [tlsCertificates.length > 0, 'tlsCertificates'], [credentialName, 'credentialName'], [credentialNames, 'credentialNames'],
    ];
    for (const [set, field] of forbidden) {
      if (set) error(field, `ISTIO_MUTUAL uses the mesh's own certificates; remove '${field}'`);
    }
    return out;
  }
  if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') {
    const certs = ['caCrl', 'serverCertificate', 'privateKey', 'caCertificates', 'tlsCertificates', 'credentialName', 'credentialNames'].filter((f) =>
      f === 'tlsCertificates' || f === 'credentialNames' ? list(tls[f]).length > 0 : nonEmpty(tls[f]),
    );
    if (certs.length) warning(certs[0], `${mode} mode does not terminate TLS, so ${certs.join(', ')} ${certs.length > 1 ? 'are' : 'is'} ignored`);
  }
  // Only one certificate source; CEL rules already cover the pairs among credentialName,
  // credentialNames and tlsCertificates, so report only combinations with serverCertificate/privateKey.
  if (serverCertificate && privateKey && (credentialName || credentialNames || tlsCertificates.length > 0)) {
    error('serverCertificate', 'only one certificate source may be set: credentialName, credentialNames, serverCertificate/privateKey or tlsCertificates');
  }
  const terminating = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  // With a credentialName the certificates come from a Secret and nothing else is checked.
  if (terminating && (credentialName || credentialNames)) return out;
  if (terminating) {
    const mutual = mode !== 'SIMPLE';
    if (mutual && !caCertificates) error(undefined, `${mode} TLS requires caCertificates (or a credentialName) to verify client certificates`);
    if (tlsCertificates.length > 0) {
      tlsCertificates.forEach((item, i) => {
        const cert = obj(item) ?? {};
        if (!nonEmpty(cert.serverCertificate)) out.push({ path: [...path, 'tlsCertificates', i], level: 'error', message: `${mode} TLS requires a serverCertificate in each tlsCertificates entry` });
        if (!nonEmpty(cert.privateKey)) out.push({ path: [...path, 'tlsCertificates', i], level: 'error', message: `${mode} TLS requires a privateKey in each tlsCertificates entry` });
      });
    } else {
      if (!serverCertificate) error(undefined, `${mode} TLS requires a serverCertificate (or a credentialName)`);
      if (!privateKey) error(undefined, `${mode} TLS requires a privateKey (or a credentialName)`);
    }
  }
  if (nonEmpty(tls.caCrl)) {
    if (credentialName) error('caCrl', 'caCrl is not supported with credentialName; put the CRL in the credential');
    if (mode === 'SIMPLE') error('caCrl', 'caCrl is not supported with SIMPLE TLS, which does not verify client certificates');
  }
  return out;
}
