// The validity window of X.509 certificates (RFC 5280 §4.1): a Certificate is
// SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }, and tbsCertificate is
// SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, … }
// with validity = SEQUENCE { notBefore Time, notAfter Time }. Only the structure up to the validity
// is checked; a gateway credential check needs no more.
import { asciiOf, children, readTlv, TAG, type Tlv } from './der';

export interface Validity {
  /** Milliseconds since the epoch. */
  readonly notBefore: number;
  readonly notAfter: number;
}

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?(Z|[+-]\d{4})$/;

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
}

function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes(zone) * 60_000;
}

/** A UTCTime or GeneralizedTime element as milliseconds since the epoch. */
export function parseTime(bytes: Uint8Array, tlv: Tlv): number | undefined {
  const text = asciiOf(bytes, tlv);
  if (tlv.tag === TAG.UTC_TIME) {
    const m = UTC_TIME.exec(text);
    if (!m) return undefined;
    // RFC 5280: two-digit years 50–99 are 19xx, 00–49 are 20xx.
    const yy = Number(m[1]);
    return utcMillis(yy >= 50 ? 1900 + yy : 2000 + yy, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0'), m[7]);
  }
  if (tlv.tag === TAG.GENERALIZED_TIME) {
    const m = GENERALIZED_TIME.exec(text);
    if (!m) return undefined;
    const millis = utcMillis(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[8]);
    return millis === undefined ? undefined : millis + Math.floor(Number(`0${m[7] ?? ''}`) * 1000);
  }
  return undefined;
}

/** The validity of one DER Certificate element, or undefined when it is not shaped like one. */
function validityOf(bytes: Uint8Array, certificate: Tlv): Validity | undefined {
  if (certificate.tag !== TAG.SEQUENCE) return undefined;
  const parts = children(bytes, certificate);
  if (!parts || parts.length !== 3) return undefined;
  const [tbs, algorithm, signature] = parts;
  if (tbs.tag !== TAG.SEQUENCE || algorithm.tag !== TAG.SEQUENCE || signature.tag !== TAG.BIT_STRING) return undefined;
  const fields = children(bytes, tbs);
  if (!fields) return undefined;
  let i = fields[0]?.tag === TAG.CONTEXT_0 ? 1 : 0;
  const serial = fields[i++];
  const signatureAlgorithm = fields[i++];
  const issuer = fields[i++];
  const validity = fields[i++];
  const subject = fields[i++];
  const publicKey = fields[i++];
  if (serial?.tag !== TAG.INTEGER || signatureAlgorithm?.tag !== TAG.SEQUENCE || issuer?.tag !== TAG.SEQUENCE) return undefined;
  if (validity?.tag !== TAG.SEQUENCE || subject?.tag !== TAG.SEQUENCE || publicKey?.tag !== TAG.SEQUENCE) return undefined;
  const times = children(bytes, validity);
  if (!times || times.length !== 2) return undefined;
  const notBefore = parseTime(bytes, times[0]);
  const notAfter = parseTime(bytes, times[1]);
  return notBefore === undefined || notAfter === undefined ? undefined : { notBefore, notAfter };
}

/**
 * The validities of the certificates in DER bytes (one certificate, or several concatenated, as Go's
 * x509.ParseCertificates accepts). Undefined when the bytes are not entirely certificates.
 */
export function certificateValidities(der: Uint8Array): Validity[] | undefined {
  const out: Validity[] = [];
  let offset = 0;
  while (offset < der.length) {
    const element = readTlv(der, offset);
    const validity = element && validityOf(der, element);
    if (!element || !validity) return undefined;
    out.push(validity);
    offset = element.end;
  }
  return out.length ? out : undefined;
}
