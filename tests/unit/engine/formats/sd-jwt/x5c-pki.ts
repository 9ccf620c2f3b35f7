/**
 * Certificate chains for SD-JWT `x5c` tests: a root and a leaf made in the
 * test with @peculiar/asn1-x509 and WebCrypto (P-256), the leaf naming its
 * holder in subjectAltName (DNS names and URIs), as an SD-JWT VC issuer's
 * certificate does (draft-ietf-oauth-sd-jwt-vc §2.5).
 */
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier, AttributeTypeAndValue, AttributeValue, Certificate, Extension, Extensions, GeneralName, id_ce_subjectAltName,
  Name, RelativeDistinguishedName, SubjectAlternativeName, SubjectPublicKeyInfo, TBSCertificate, Validity, Version,
} from '@peculiar/asn1-x509';
import { concatBytes } from '../../../../../lib/engine/util/bytes';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

const name = (cn: string) =>
  new Name([new RelativeDistinguishedName([new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: cn }) })])]);

/** DER ECDSA-Sig-Value from WebCrypto's r || s. */
function toDer(raw: Uint8Array): Uint8Array {
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    return v[0]! & 0x80 ? concatBytes(Uint8Array.of(2, v.length + 1, 0), v) : concatBytes(Uint8Array.of(2, v.length), v);
  };
  const body = concatBytes(int(raw.subarray(0, raw.length / 2)), int(raw.subarray(raw.length / 2)));
  return concatBytes(Uint8Array.of(0x30, body.length), body);
}

export interface CertificateSpec {
  subject: string;
  issuer: string;
  subjectKey: CryptoKey;
  issuerKey: CryptoKey;
  dnsNames?: string[];
  uris?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

/** A base64 DER certificate, as `x5c` carries it (RFC 7515 §4.1.6). */
export async function certificate(spec: CertificateSpec): Promise<string> {
  const altNames = [...(spec.dnsNames ?? []).map((d) => new GeneralName({ dNSName: d })), ...(spec.uris ?? []).map((u) => new GeneralName({ uniformResourceIdentifier: u }))];
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: Uint8Array.of(7).buffer,
    signature: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
    issuer: name(spec.issuer),
    validity: new Validity({ notBefore: spec.notBefore ?? new Date('2025-01-01T00:00:00Z'), notAfter: spec.notAfter ?? new Date('2030-01-01T00:00:00Z') }),
    subject: name(spec.subject),
    subjectPublicKeyInfo: AsnConvert.parse(new Uint8Array(await crypto.subtle.exportKey('spki', spec.subjectKey)), SubjectPublicKeyInfo),
    ...(altNames.length
      ? { extensions: new Extensions([new Extension({ extnID: id_ce_subjectAltName, critical: false, extnValue: new OctetString(AsnConvert.serialize(new SubjectAlternativeName(altNames))) })]) }
      : {}),
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, spec.issuerKey, tbsDer as BufferSource));
  const der = new Uint8Array(AsnConvert.serialize(new Certificate({ tbsCertificate: tbs, signatureAlgorithm: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }), signatureValue: toDer(raw).slice().buffer as ArrayBuffer })));
  return btoa(String.fromCharCode(...der));
}

/** A root CA key pair and a leaf key pair (P-256, exportable so the leaf can sign with jose). */
export async function keyPairs(): Promise<{ root: CryptoKeyPair; leaf: CryptoKeyPair }> {
  const make = async () => (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { root: await make(), leaf: await make() };
}
