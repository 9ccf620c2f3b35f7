/**
 * A throw-away PKI for tests: keys generated per test run, certificates built
 * with @peculiar/asn1-x509 and signed with WebCrypto, and JAdES seals made
 * the way EDCI makes them (JWS JSON general serialization, b64 false).
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier, AttributeTypeAndValue, AttributeValue, Certificate, Extension, Extensions, id_ce_keyUsage, KeyUsage,
  Name, RelativeDistinguishedName, SubjectPublicKeyInfo, TBSCertificate, Validity, Version,
} from '@peculiar/asn1-x509';
import { concatBytes, toBase64Url, utf8 } from '../../../../../lib/engine/util/bytes';

export type KeyKind = 'RSA' | 'EC';

export async function generateKeys(kind: KeyKind): Promise<CryptoKeyPair> {
  const alg = kind === 'RSA'
    ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: 'P-256' };
  return (await crypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
}

function name(attrs: Record<string, string>): Name {
  const oids: Record<string, string> = { C: '2.5.4.6', O: '2.5.4.10', CN: '2.5.4.3', organizationIdentifier: '2.5.4.97' };
  return new Name(Object.entries(attrs).map(([k, v]) =>
    new RelativeDistinguishedName([new AttributeTypeAndValue({ type: oids[k]!, value: new AttributeValue(k === 'C' ? { printableString: v } : { utf8String: v }) })])));
}

/** DER ECDSA-Sig-Value from WebCrypto's r||s. */
function rawToDer(raw: Uint8Array): Uint8Array {
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    return v[0]! & 0x80 ? concatBytes(new Uint8Array([2, v.length + 1, 0]), v) : concatBytes(new Uint8Array([2, v.length]), v);
  };
  const half = raw.length / 2;
  const body = concatBytes(int(raw.subarray(0, half)), int(raw.subarray(half)));
  return concatBytes(new Uint8Array([0x30, body.length]), body);
}

export interface CertOptions {
  subject: Record<string, string>;
  issuer: Record<string, string>;
  subjectKey: CryptoKey;
  issuerKey: CryptoKey;
  issuerKind: KeyKind;
  notBefore?: Date;
  notAfter?: Date;
  serial?: number;
  /** KeyUsageFlags bits; no extension when absent */
  keyUsage?: number;
}

/** A DER certificate for `subjectKey`, signed by `issuerKey` (sha256WithRSA or ecdsa-with-SHA256). */
export async function makeCertificate(o: CertOptions): Promise<Uint8Array> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', o.subjectKey));
  const sigAlg = o.issuerKind === 'RSA'
    ? new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.11', parameters: null })
    : new AlgorithmIdentifier({ algorithm: '1.2.840.10045.4.3.2' });
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array([o.serial ?? 1]).buffer,
    signature: sigAlg,
    issuer: name(o.issuer),
    validity: new Validity({ notBefore: o.notBefore ?? new Date('2025-01-01T00:00:00Z'), notAfter: o.notAfter ?? new Date('2030-01-01T00:00:00Z') }),
    subject: name(o.subject),
    subjectPublicKeyInfo: AsnConvert.parse(spki, SubjectPublicKeyInfo),
    ...(o.keyUsage !== undefined
      ? { extensions: new Extensions([new Extension({ extnID: id_ce_keyUsage, critical: true, extnValue: new OctetString(AsnConvert.serialize(new KeyUsage(o.keyUsage))) })]) }
      : {}),
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const signParams = o.issuerKind === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
  const raw = new Uint8Array(await crypto.subtle.sign(signParams, o.issuerKey, tbsDer));
  const signature = o.issuerKind === 'EC' ? rawToDer(raw) : raw;
  const cert = new Certificate({ tbsCertificate: tbs, signatureAlgorithm: sigAlg, signatureValue: signature.slice().buffer as ArrayBuffer });
  return new Uint8Array(AsnConvert.serialize(cert));
}

export const toBase64 = (der: Uint8Array): string => btoa(String.fromCharCode(...der));

export interface SealOptions {
  key: CryptoKey;
  alg: 'RS256' | 'ES256';
  x5c: string[];
  /** header fields added or overridden; undefined removes one */
  header?: Record<string, unknown>;
  /** RFC 7797: false (EDCI) sends the payload as-is */
  b64?: boolean;
}

/** A JAdES seal in JWS JSON general serialization over `payload`. */
export async function sealJades(payload: string, o: SealOptions): Promise<{ payload: string; signatures: Array<Record<string, unknown>> }> {
  const b64 = o.b64 ?? false;
  const header: Record<string, unknown> = {
    alg: o.alg, cty: 'octet-stream', typ: 'jose+json', x5c: o.x5c, sigT: '2026-01-12T07:12:23Z',
    ...(b64 ? { crit: ['sigT'] } : { b64: false, crit: ['b64', 'sigT'] }),
    ...o.header,
  };
  for (const k of Object.keys(header)) if (header[k] === undefined) delete header[k];
  const protectedB64 = toBase64Url(utf8(JSON.stringify(header)));
  const carried = b64 ? toBase64Url(utf8(payload)) : payload;
  const params = o.alg === 'RS256' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
  const signature = new Uint8Array(await crypto.subtle.sign(params, o.key, concatBytes(utf8(protectedB64), utf8('.'), utf8(carried)) as BufferSource));
  return { payload: carried, signatures: [{ protected: protectedB64, header: { etsiU: [] }, signature: toBase64Url(signature) }] };
}

/** A small ELM v3 credential (shape of the EDC micro-credential samples). */
export function sampleEdc(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'],
    id: 'urn:credential:test-1',
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    issuer: { id: 'urn:epass:org:issuer', type: 'Organisation', legalName: { en: 'Test Sealer' }, eIDASIdentifier: { notation: '1234' } },
    issuanceDate: '2026-01-12T07:12:23Z',
    issued: '2026-01-12T07:12:23Z',
    validFrom: '2026-01-12T07:12:23Z',
    credentialSubject: {
      id: 'urn:epass:person:1',
      type: 'Person',
      fullName: { en: 'Joe Doe' },
      hasClaim: { id: 'urn:epass:learningAchievement:1', type: 'LearningAchievement', title: { de: 'Titel', en: 'Data Literacy' } },
    },
    ...extra,
  };
}
