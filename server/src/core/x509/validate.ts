// Whether PEM text holds a certificate that is usable now, judged as istiod's gateway credential check
// judges it: the first PEM block must decode, hold X.509 certificates, and each must be inside its
// validity window.
import { certificateValidities, type Validity } from './certificate';
import { firstPemBlock } from './pem';

export type CertificateProblem =
  | { readonly kind: 'no-pem' }
  | { readonly kind: 'not-x509'; readonly blockType: string }
  | { readonly kind: 'expired'; readonly validity: Validity }
  | { readonly kind: 'not-yet-valid'; readonly validity: Validity };

/**
 * The first problem of a PEM certificate, or undefined when it is fine. `now` is milliseconds since
 * the epoch; without it (the host gave no clock) the validity window is not checked.
 */
export function certificateProblem(pem: string, now?: number): CertificateProblem | undefined {
  const block = firstPemBlock(pem);
  if (!block) return { kind: 'no-pem' };
  const validities = certificateValidities(block.bytes);
  if (!validities) return { kind: 'not-x509', blockType: block.type };
  if (now === undefined) return undefined;
  for (const validity of validities) {
    if (now > validity.notAfter) return { kind: 'expired', validity };
    if (now < validity.notBefore) return { kind: 'not-yet-valid', validity };
  }
  return undefined;
}

/** `2023-03-14 06:15:41 UTC`: how messages print certificate dates. */
export function formatDate(millis: number): string {
  return `${new Date(millis).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
