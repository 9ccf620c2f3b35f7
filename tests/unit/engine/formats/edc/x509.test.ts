import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeOid, ecdsaDerToRaw, tbsBytes } from '../../../../../lib/engine/formats/edc/der';
import { describeSubject, parseCertificate } from '../../../../../lib/engine/formats/edc/x509';
import { fromBase64 } from '../../../../../lib/engine/util/bytes';
import { FIXTURES } from '../../../../support/fixtures';

const SIGNED = path.join(FIXTURES, 'edc-mynextid/microcredential/edc-mc-signed.jsonld');
const present = existsSync(SIGNED);

function leafOfFixture(): string {
  const envelope = JSON.parse(readFileSync(SIGNED, 'utf8')) as { signatures: Array<{ protected: string }> };
  const header = JSON.parse(new TextDecoder().decode(fromBase64(envelope.signatures[0]!.protected))) as { x5c: string[] };
  return header.x5c[0]!;
}

describe.skipIf(!present)('parseCertificate on the EDC seal certificate (../shared/fixtures)', () => {
  it('reads the sealing organisation, its issuer and validity', () => {
    const cert = parseCertificate(leafOfFixture());
    expect(cert.subject).toMatchObject({ O: 'VELOCERT OU', C: 'EE', organizationIdentifier: 'NTREE-17207834' });
    expect(cert.issuer).toMatchObject({ O: 'Halcom d.d.', CN: 'Halcom CA PO e-seal 2', C: 'SI' });
    expect(cert.notBefore.toISOString()).toBe('2025-09-11T08:14:12.000Z');
    expect(cert.notAfter.toISOString()).toBe('2028-09-11T08:14:12.000Z');
    expect(cert.keyFamily).toBe('RSA');
    expect(describeSubject(cert)).toBe('VELOCERT OU (EE, organizationIdentifier NTREE-17207834)');
    expect(cert.tbs.length).toBeLessThan(cert.der.length);
    expect(cert.tbs[0]).toBe(0x30);
    // ETSI EN 319 412-5: QcCompliance and QcType e-seal, as stated by the certificate itself
    expect(cert.extensions.qcStatements).toEqual(expect.arrayContaining(['0.4.0.1862.1.1', '0.4.0.1862.1.6.2']));
    expect(cert.extensions.mayVerifySignatures).toBe(true);
  });
});

describe('certificate input problems', () => {
  it.each([['not base64', '%%%'], ['empty', ''], ['not a certificate', btoa('hello world')]])('rejects %s', (_name, input) => {
    expect(() => parseCertificate(input)).toThrow(/SEAL_CERTIFICATE_INVALID/);
  });

  it('refuses DER with trailing bytes or a truncated length', () => {
    expect(() => tbsBytes(new Uint8Array([0x30, 0x03, 0x30, 0x01, 0x00, 0xff]))).toThrow(/not a DER certificate/);
    expect(() => tbsBytes(new Uint8Array([0x30, 0x82, 0xff]))).toThrow(/truncated/);
  });

  it('decodes object identifiers, including multi-byte arcs', () => {
    expect(decodeOid(new Uint8Array([0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]))).toBe('1.2.840.10045.3.1.7');
    expect(decodeOid(new Uint8Array([0x06, 0x06, 0x04, 0x00, 0x8e, 0x46, 0x01, 0x01]))).toBe('0.4.0.1862.1.1');
    expect(decodeOid(new Uint8Array([0x04, 0x01, 0x00]))).toBeUndefined();
  });

  it('converts an ECDSA DER signature to fixed-width r||s', () => {
    // r = 0x00ff (leading zero for the sign bit), s = 0x01
    const der = new Uint8Array([0x30, 0x07, 0x02, 0x02, 0x00, 0xff, 0x02, 0x01, 0x01]);
    const raw = ecdsaDerToRaw(der, 4);
    expect([...raw]).toEqual([0, 0, 0, 0xff, 0, 0, 0, 1]);
    expect(() => ecdsaDerToRaw(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), 4)).toThrow();
  });
});
