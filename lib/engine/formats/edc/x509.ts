/**
 * X.509 seal certificates (RFC 5280): parsing with @peculiar/asn1-x509 (the
 * ASN.1 layer of @peculiar/x509, which itself cannot load without a global
 * reflect-metadata polyfill), signatures checked with WebCrypto, so this runs
 * in Node 20 and in an MV3 service worker alike.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, type Name } from '@peculiar/asn1-x509';
import { VerifierError } from '../../errors';
import { fromBase64 } from '../../util/bytes';
import { CERT_SIGNATURE_OIDS, CURVE_COORDINATE_BYTES, CURVE_OIDS, MIN_RSA_BITS, webCryptoParams, type SignatureAlgorithm } from './algorithms';
import { decodeOid, ecdsaDerToRaw, tbsBytes } from './der';
import { readExtensions, type SealExtensions } from './extensions';

const RSA_KEY_OID = '1.2.840.113549.1.1.1';
const EC_KEY_OID = '1.2.840.10045.2.1';

/** RFC 4519 / ETSI EN 319 412-1 §5.1.4 attribute types shown to people. */
const NAME_ATTRIBUTES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.97': 'organizationIdentifier',
};

/** A parsed certificate, with the exact bytes its signature covers. */
export interface SealCertificate {
  der: Uint8Array;
  tbs: Uint8Array;
  signatureOid: string;
  signature: Uint8Array;
  spki: Uint8Array;
  keyFamily: 'RSA' | 'EC' | 'other';
  curve?: 'P-256' | 'P-384' | 'P-521';
  notBefore: Date;
  notAfter: Date;
  subject: Record<string, string>;
  issuer: Record<string, string>;
  /** raw DER of the names, compared byte for byte when chaining (RFC 5280 §7.1 allows it for identical encodings) */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  extensions: SealExtensions;
}

function readName(name: Name): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rdn of name) {
    for (const attr of rdn) {
      const key = NAME_ATTRIBUTES[attr.type];
      if (key && out[key] === undefined) out[key] = attr.value.toString();
    }
  }
  return out;
}

/** Parses one base64 DER certificate from `x5c` (RFC 7515 §4.1.6: standard base64, not base64url). */
export function parseCertificate(base64: string): SealCertificate {
  const der = fromBase64(base64);
  if (!der || der.length === 0) throw new VerifierError('SEAL_CERTIFICATE_INVALID', { reason: 'a certificate is not base64' });
  let cert: Certificate;
  try {
    cert = AsnConvert.parse(der, Certificate);
  } catch {
    throw new VerifierError('SEAL_CERTIFICATE_INVALID', { reason: 'a certificate could not be parsed' });
  }
  const tbs = cert.tbsCertificate;
  const spkiAlg = tbs.subjectPublicKeyInfo.algorithm;
  const curveOid = spkiAlg.parameters ? decodeOid(new Uint8Array(spkiAlg.parameters)) : undefined;
  return {
    der,
    tbs: tbsBytes(der),
    signatureOid: cert.signatureAlgorithm.algorithm,
    signature: new Uint8Array(cert.signatureValue),
    spki: new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo)),
    keyFamily: spkiAlg.algorithm === RSA_KEY_OID ? 'RSA' : spkiAlg.algorithm === EC_KEY_OID ? 'EC' : 'other',
    curve: curveOid ? CURVE_OIDS[curveOid] : undefined,
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    subject: readName(tbs.subject),
    issuer: readName(tbs.issuer),
    subjectDer: new Uint8Array(AsnConvert.serialize(tbs.subject)),
    issuerDer: new Uint8Array(AsnConvert.serialize(tbs.issuer)),
    extensions: readExtensions(tbs.extensions),
  };
}

/** "VELOCERT OU (EE, organizationIdentifier NTREE-17207834)" — who sealed, as the certificate says. */
export function describeSubject(cert: SealCertificate): string {
  const s = cert.subject;
  const name = s.O ?? s.CN ?? 'an unnamed organisation';
  const extras = [s.C, s.organizationIdentifier ? `organizationIdentifier ${s.organizationIdentifier}` : undefined].filter(Boolean);
  return extras.length ? `${name} (${extras.join(', ')})` : name;
}

/** Imports a certificate's public key for one signature algorithm; throws when the key does not fit it. */
export async function importCertificateKey(cert: SealCertificate, alg: SignatureAlgorithm): Promise<CryptoKey> {
  if (cert.keyFamily !== alg.family)
    throw new VerifierError('SEAL_INVALID', { reason: `the certificate holds a ${cert.keyFamily} key, the algorithm needs ${alg.family}` });
  if (alg.family === 'EC' && !cert.curve) throw new VerifierError('SEAL_UNSUPPORTED', { reason: 'the certificate key is on an unsupported curve' });
  if (alg.family === 'EC' && alg.namedCurve && cert.curve !== alg.namedCurve)
    throw new VerifierError('SEAL_INVALID', { reason: `the certificate key is not on curve ${alg.namedCurve}` });
  const { importParams } = webCryptoParams(alg, cert.curve);
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', cert.spki as BufferSource, importParams, false, ['verify']);
  } catch {
    throw new VerifierError('SEAL_CERTIFICATE_INVALID', { reason: 'the certificate public key could not be read' });
  }
  const bits = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (alg.family === 'RSA' && bits < MIN_RSA_BITS)
    throw new VerifierError('SEAL_CERTIFICATE_INVALID', { reason: `the RSA key is too short (${bits} bits)` });
  return key;
}

/** Whether `child` was signed by `parent`'s key (RFC 5280 §6.1.3 (a)(1)) and names it as issuer. */
export async function isSignedBy(child: SealCertificate, parent: SealCertificate): Promise<boolean> {
  if (!sameBytes(child.issuerDer, parent.subjectDer)) return false;
  const alg = CERT_SIGNATURE_OIDS[child.signatureOid];
  if (!alg) throw new VerifierError('SEAL_UNSUPPORTED', { reason: `certificate signature algorithm ${child.signatureOid}` });
  const key = await importCertificateKey(parent, alg);
  const signature = alg.family === 'EC' ? ecdsaDerToRaw(child.signature, CURVE_COORDINATE_BYTES[parent.curve!]) : child.signature;
  const { verifyParams } = webCryptoParams(alg, parent.curve);
  return crypto.subtle.verify(verifyParams, key, signature as BufferSource, child.tbs as BufferSource);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
