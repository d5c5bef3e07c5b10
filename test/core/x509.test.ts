// The minimal PEM + DER reader behind IY922 (invalid gateway credentials), and IY922's use of the
// host clock. The certificates are istio/istio's throw-away test certificates (Apache-2.0), kept in the
// IY922 fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';
import { bytesToText, decodeBase64 } from '../../server/src/core/x509/base64';
import { certificateValidities, parseTime } from '../../server/src/core/x509/certificate';
import { readTlv } from '../../server/src/core/x509/der';
import { firstPemBlock, pemBlocks } from '../../server/src/core/x509/pem';
import { certificateProblem, formatDate } from '../../server/src/core/x509/validate';
import { FIXTURES } from '../harness/check';
import { parseFixture } from '../harness/fixture';

const IY922 = path.join(FIXTURES, 'analyzers/IY922-invalid-gateway-credential');

/** The base64 `tls.crt` / `tls.key` of the first Secret in a fixture file. */
function secretData(file: string, key: 'tls.crt' | 'tls.key'): string {
  const text = fs.readFileSync(path.join(IY922, file), 'utf8');
  const match = new RegExp(`^  ${key.replace('.', '\\.')}: (\\S+)$`, 'm').exec(text);
  if (!match) throw new Error(`${file} has no ${key}`);
  return match[1];
}

function pemOf(base64: string): string {
  return bytesToText(decodeBase64(base64)!);
}

/** The DER bytes of the first PEM block of a Secret entry. */
function derOf(base64: string): Uint8Array {
  return firstPemBlock(pemOf(base64))!.bytes;
}

const VALID = secretData('valid.yaml', 'tls.crt');
const EXPIRED = secretData('expired.yaml', 'tls.crt');
const KEY = secretData('valid.yaml', 'tls.key');

describe('base64', () => {
  test('decodes padded standard base64 and ignores line breaks', () => {
    expect([...decodeBase64('aGk=')!]).toEqual([104, 105]);
    expect([...decodeBase64('aGVs\nbG8=')!]).toEqual([...'hello'].map((c) => c.charCodeAt(0)));
    expect(decodeBase64('')!.length).toBe(0);
  });

  test('rejects unpadded text and characters outside the alphabet', () => {
    expect(decodeBase64('aGk')).toBeUndefined();
    expect(decodeBase64('aG k=')).toBeUndefined();
    expect(decodeBase64('a*==')).toBeUndefined();
    expect(decodeBase64('aGk=aGk=')).toBeUndefined();
  });
});

describe('PEM', () => {
  test('reads the type and body of a block', () => {
    const block = firstPemBlock(pemOf(VALID));
    expect(block?.type).toBe('CERTIFICATE');
    expect(block?.bytes[0]).toBe(0x30);
  });

  test('skips blocks whose body does not decode, as Go does', () => {
    const text = `-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n${pemOf(KEY)}`;
    expect(pemBlocks(text).map((b) => b.type)).toEqual(['PRIVATE KEY']);
  });

  test('skips encapsulated headers', () => {
    const text = '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\naGk=\n-----END RSA PRIVATE KEY-----\n';
    expect([...firstPemBlock(text)!.bytes]).toEqual([104, 105]);
  });

  test('finds nothing in text that is not PEM', () => {
    expect(firstPemBlock('hush hush hush\n')).toBeUndefined();
    expect(firstPemBlock('-----BEGIN CERTIFICATE-----\naGk=\n-----END KEY-----\n')).toBeUndefined();
  });
});

describe('DER and X.509', () => {
  test('reads the validity of istio test certificates', () => {
    expect(certificateValidities(derOf(VALID))).toEqual([{ notBefore: Date.UTC(2023, 2, 14, 2, 54, 30), notAfter: Date.UTC(2122, 1, 18, 6, 18, 36) }]);
    expect(certificateValidities(derOf(EXPIRED))).toEqual([{ notBefore: Date.UTC(2023, 2, 14, 2, 54, 30), notAfter: Date.UTC(2023, 2, 14, 6, 15, 41) }]);
  });

  test('reads concatenated certificates', () => {
    const a = derOf(VALID);
    const b = derOf(EXPIRED);
    const both = new Uint8Array(a.length + b.length);
    both.set(a);
    both.set(b, a.length);
    expect(certificateValidities(both)?.length).toBe(2);
  });

  test('rejects truncated certificates, trailing bytes and other structures', () => {
    const der = derOf(VALID);
    expect(certificateValidities(der.subarray(0, der.length - 1))).toBeUndefined();
    expect(certificateValidities(new Uint8Array([...der, 0]))).toBeUndefined();
    expect(certificateValidities(derOf(KEY))).toBeUndefined();
    expect(certificateValidities(new Uint8Array([]))).toBeUndefined();
    expect(certificateValidities(new Uint8Array([0x30, 0x80, 0x00, 0x00]))).toBeUndefined();
  });

  test('reads long-form lengths and refuses lengths beyond the input', () => {
    expect(readTlv(new Uint8Array([0x04, 0x81, 0x80, ...new Array(128).fill(0)]), 0)).toEqual({ tag: 0x04, start: 3, end: 131 });
    expect(readTlv(new Uint8Array([0x04, 0x81, 0x05, 0, 0, 0, 0, 0]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x04, 0x05, 0, 0]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x1f, 0x01, 0x00]), 0)).toBeUndefined();
  });

  test('parses UTCTime and GeneralizedTime', () => {
    const time = (tag: number, text: string) => parseTime(new Uint8Array([tag, text.length, ...[...text].map((c) => c.charCodeAt(0))]), { tag, start: 2, end: 2 + text.length });
    expect(time(0x17, '500101000000Z')).toBe(Date.UTC(1950, 0, 1));
    expect(time(0x17, '491231235959Z')).toBe(Date.UTC(2049, 11, 31, 23, 59, 59));
    expect(time(0x17, '2301020304Z')).toBe(Date.UTC(2023, 0, 2, 3, 4));
    expect(time(0x17, '230102030405+0130')).toBe(Date.UTC(2023, 0, 2, 1, 34, 5));
    expect(time(0x18, '21220218061836Z')).toBe(Date.UTC(2122, 1, 18, 6, 18, 36));
    expect(time(0x18, '20230102030405.25Z')).toBe(Date.UTC(2023, 0, 2, 3, 4, 5, 250));
    expect(time(0x17, '231302030405Z')).toBeUndefined();
    expect(time(0x17, '2301020304')).toBeUndefined();
    expect(time(0x02, '230102030405Z')).toBeUndefined();
  });
});

describe('certificate problems', () => {
  const window = { notBefore: Date.UTC(2023, 2, 14, 2, 54, 30), notAfter: Date.UTC(2023, 2, 14, 6, 15, 41) };

  test('judges the validity window only when given a clock', () => {
    const pem = pemOf(EXPIRED);
    expect(certificateProblem(pem)).toBeUndefined();
    expect(certificateProblem(pem, Date.UTC(2023, 2, 14, 4))).toBeUndefined();
    expect(certificateProblem(pem, Date.UTC(2024, 0, 1))).toEqual({ kind: 'expired', validity: window });
    expect(certificateProblem(pem, Date.UTC(2023, 0, 1))).toEqual({ kind: 'not-yet-valid', validity: window });
  });

  test('names what is wrong with text that is no certificate', () => {
    expect(certificateProblem('hush hush hush\n')).toEqual({ kind: 'no-pem' });
    expect(certificateProblem(pemOf(KEY))).toEqual({ kind: 'not-x509', blockType: 'PRIVATE KEY' });
  });

  test('formats dates for messages', () => {
    expect(formatDate(window.notAfter)).toBe('2023-03-14 06:15:41 UTC');
  });
});

describe('IY922 with a clock', () => {
  function diagnostics(file: string, now: number) {
    const fixture = parseFixture(fs.readFileSync(path.join(IY922, file), 'utf8'), file);
    const workspace = new Workspace({ now: () => now });
    for (const f of fixture.files) workspace.setFile(f.uri, f.text);
    const snapshot = workspace.snapshot();
    return fixture.files.flatMap((f) => snapshot.diagnostics(f.uri).filter((d) => d.code === 'IY922').map((d) => ({ file: f.path, line: d.range.start.line, text: f.text.split('\n')[d.range.start.line], message: d.message })));
  }

  test('reports an expired certificate on the credentialName', () => {
    const found = diagnostics('expired.yaml', Date.UTC(2024, 0, 1));
    expect(found).toHaveLength(1);
    expect(found[0].file).toBe('gateway.yaml');
    expect(found[0].text.trim()).toBe('credentialName: expired-secret');
    expect(found[0].message).toBe("the certificate in Secret istio-system/expired-secret ('tls.crt') expired on 2023-03-14 06:15:41 UTC");
  });

  test('reports a certificate that is not valid yet', () => {
    expect(diagnostics('expired.yaml', Date.UTC(2023, 0, 1)).map((d) => d.message)).toEqual(["the certificate in Secret istio-system/expired-secret ('tls.crt') is not valid before 2023-03-14 02:54:30 UTC"]);
  });

  test('accepts certificates inside their window', () => {
    expect(diagnostics('expired.yaml', Date.UTC(2023, 2, 14, 4))).toEqual([]);
    expect(diagnostics('valid.yaml', Date.UTC(2030, 0, 1))).toEqual([]);
  });
});
