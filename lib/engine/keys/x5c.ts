/**
 * An X.509 chain carried in a JOSE header (`x5c`, RFC 7515 §4.1.6), as SD-JWT
 * VC issuers use it (draft-ietf-oauth-sd-jwt-vc §2.5 "Inline X.509
 * Certificates": the issuer is the subject of the end-entity certificate).
 * The chain is read and checked as included, with the EDC seal reader
 * (lib/engine/formats/edc/x509.ts, certificate.ts): each certificate is signed
 * by the next, the leaf was valid at signing time and may sign. Whether the
 * chain ends at a trust anchor cannot be checked offline; what that leaves
 * established is the caller's rule (lib/engine/formats/sd-jwt/issuer.ts).
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, id_ce_subjectAltName, SubjectAlternativeName } from '@peculiar/asn1-x509';
import { fail, fromThrown } from '../checks/result';
import { VerifierError } from '../errors';
import { checkSealCertificate } from '../formats/edc/certificate';
import { describeSubject, parseCertificate, type SealCertificate } from '../formats/edc/x509';
import type { Check } from '../report';
import { toPublicJwk } from './jwk';

/** Real chains are a leaf and one or two CA certificates; more would only multiply signature checks. */
const MAX_CERTIFICATES = 5;

/** A chain whose links hold, as far as can be checked offline. */
export interface X5cChain {
  leaf: SealCertificate;
  /** the leaf's public key, as the JWS is checked with it */
  leafJwk: JsonWebKey;
  /** who the leaf certificate says it is issued to, for people */
  subject: string;
  /** the leaf's subjectAltName URIs and DNS names (RFC 5280 §4.2.1.6) */
  uris: string[];
  dnsNames: string[];
  length: number;
}

/**
 * Reads and checks `x5c` at `signingTime`. Returns the chain, or the failing
 * (or could-not-check) 'issuer-binding' check: a malformed or broken chain,
 * a leaf not valid when it signed, a key Credlens cannot use.
 */
export async function readX5c(x5c: unknown, signingTime: Date): Promise<X5cChain | Check> {
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > MAX_CERTIFICATES || x5c.some((c) => typeof c !== 'string'))
    return fail('issuer-binding', 'SEAL_CERTIFICATE_INVALID', { reason: `x5c must list 1 to ${MAX_CERTIFICATES} base64 certificates` });
  try {
    const certificates = (x5c as string[]).map((c) => parseCertificate(c));
    const checked = await checkSealCertificate(certificates, signingTime);
    // SEAL_NOT_CHECKED is the one answer a sound chain gets: its anchor cannot be checked offline
    if (checked.code !== 'SEAL_NOT_CHECKED') return { ...checked, id: 'issuer-binding' };
    const leaf = certificates[0]!;
    return { leaf, leafJwk: await leafJwk(leaf), subject: describeSubject(leaf), ...alternativeNames(leaf), length: certificates.length };
  } catch (e) {
    return fromThrown('issuer-binding', e);
  }
}

/** The leaf's public key as a JWK (WebCrypto exports what it imported from the SubjectPublicKeyInfo). */
async function leafJwk(leaf: SealCertificate): Promise<JsonWebKey> {
  const params: EcKeyImportParams | RsaHashedImportParams | undefined =
    leaf.keyFamily === 'EC' && leaf.curve ? { name: 'ECDSA', namedCurve: leaf.curve }
    : leaf.keyFamily === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
    : undefined;
  if (!params) throw new VerifierError('KEY_UNSUPPORTED', { reason: 'the certificate key is of a type Credlens cannot use' });
  let exported: JsonWebKey;
  try {
    const key = await crypto.subtle.importKey('spki', leaf.spki as BufferSource, params, true, ['verify']);
    exported = await crypto.subtle.exportKey('jwk', key);
  } catch {
    throw new VerifierError('SEAL_CERTIFICATE_INVALID', { reason: 'the certificate public key could not be read' });
  }
  const { kty, crv, x, y, n, e } = exported;
  return toPublicJwk(kty === 'RSA' ? { kty, n, e } : { kty, crv, x, y });
}

/** subjectAltName URIs and DNS names; none when the extension is absent or unreadable. */
function alternativeNames(leaf: SealCertificate): { uris: string[]; dnsNames: string[] } {
  const uris: string[] = [];
  const dnsNames: string[] = [];
  try {
    const certificate = AsnConvert.parse(leaf.der, Certificate);
    const extension = certificate.tbsCertificate.extensions?.find((x) => x.extnID === id_ce_subjectAltName);
    if (extension) {
      for (const name of AsnConvert.parse(extension.extnValue.buffer, SubjectAlternativeName)) {
        if (name.uniformResourceIdentifier) uris.push(name.uniformResourceIdentifier);
        if (name.dNSName) dnsNames.push(name.dNSName.toLowerCase());
      }
    }
  } catch {
    // an unreadable extension names no one, so it can bind no issuer
  }
  return { uris, dnsNames };
}
