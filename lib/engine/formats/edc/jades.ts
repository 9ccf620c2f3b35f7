/**
 * JAdES seals (ETSI TS 119 182-1) as EDCI issues them: a JWS in JSON general
 * serialization (RFC 7515 §7.2.1) with an unencoded payload (RFC 7797,
 * `b64: false`) and the seal certificate chain in `x5c`. This module checks
 * the envelope, the protected header and the signature; certificate checks
 * live in certificate.ts.
 */
import { z } from 'zod';
import { VerifierError } from '../../errors';
import { concatBytes, fromBase64, fromUtf8, sha256, toBase64Url, utf8 } from '../../util/bytes';
import { JWS_ALGORITHMS, webCryptoParams, type SignatureAlgorithm } from './algorithms';
import { importCertificateKey, parseCertificate, type SealCertificate } from './x509';

const Envelope = z.looseObject({
  payload: z.string(),
  signatures: z.array(z.looseObject({ protected: z.string(), header: z.record(z.string(), z.unknown()).optional(), signature: z.string() })).min(1),
});

const ProtectedHeader = z.looseObject({
  alg: z.string(),
  b64: z.boolean().optional(),
  crit: z.array(z.string()).min(1).optional(),
  x5c: z.array(z.string()).min(1).optional(),
  'x5t#S256': z.string().optional(),
  sigT: z.string().optional(),
  kid: z.string().optional(),
  typ: z.string().optional(),
  cty: z.string().optional(),
});
/** The JAdES protected header fields Credlens reads. */
export type ProtectedHeader = z.infer<typeof ProtectedHeader>;

/**
 * Critical header parameters Credlens understands (RFC 7515 §4.1.11: any
 * other one makes the seal invalid). `b64` is RFC 7797; `sigT` and `adoTst`
 * are JAdES (TS 119 182-1 §5.2.1, §5.3.5); `x5t#S256` is listed because
 * JAdES signers mark it critical even though it is a registered parameter.
 */
const UNDERSTOOD_CRITICAL = new Set(['b64', 'sigT', 'x5t#S256', 'adoTst']);

/** A structurally sound seal, ready for the signature and certificate checks. */
export interface SealEnvelope {
  header: ProtectedHeader;
  algorithm: SignatureAlgorithm;
  protectedB64: string;
  /** the payload exactly as carried: JSON text when b64 is false, base64url otherwise */
  rawPayload: string;
  /** the payload as text, decoded when it was base64url */
  payloadText: string;
  signature: Uint8Array;
  certificates: SealCertificate[];
  signingTime: Date;
  unprotectedKeys: string[];
}

/** The flattened serialization (RFC 7515 §7.2.2) is the general one with a single signature. */
function toGeneral(value: unknown): unknown {
  const flat = z.looseObject({ payload: z.string(), protected: z.string(), header: z.unknown().optional(), signature: z.string() }).safeParse(value);
  if (!flat.success) return value;
  const { protected: p, header, signature, payload } = flat.data;
  return { payload, signatures: [{ protected: p, ...(header !== undefined ? { header } : {}), signature }] };
}

const invalid = (reason: string) => new VerifierError('SEAL_INVALID', { reason });

/** Checks everything about the seal that needs no key; throws SEAL_* VerifierErrors. */
export function openEnvelope(value: unknown): SealEnvelope {
  const envelope = Envelope.safeParse(toGeneral(value));
  if (!envelope.success) throw invalid('not a JWS JSON serialization with payload and signatures');
  if (envelope.data.signatures.length > 1) throw new VerifierError('SEAL_UNSUPPORTED', { reason: 'more than one seal on one credential' });
  const sig = envelope.data.signatures[0]!;
  const header = decodeProtectedHeader(sig.protected);
  const algorithm = JWS_ALGORITHMS[header.alg];
  if (!algorithm) throw invalid(`signing algorithm "${header.alg.slice(0, 20)}" is not allowed`);
  checkCritical(header);
  const unencoded = header.b64 === false;
  const payloadText = unencoded ? envelope.data.payload : decodeBase64UrlText(envelope.data.payload, 'payload');
  const signature = fromBase64(sig.signature);
  if (!signature || /[+/=]/.test(sig.signature)) throw invalid('the signature is not base64url');
  if (!header.x5c) throw invalid('no seal certificate (x5c)');
  const signingTime = header.sigT ? new Date(header.sigT) : undefined;
  // sigT is mandatory in the JAdES baseline (TS 119 182-1 §5.2.1); without it there is no time to check the certificate against.
  if (!signingTime || Number.isNaN(signingTime.getTime())) throw invalid('no valid signing time (sigT)');
  return {
    header,
    algorithm,
    protectedB64: sig.protected,
    rawPayload: envelope.data.payload,
    payloadText,
    signature,
    certificates: header.x5c.map(parseCertificate),
    signingTime,
    unprotectedKeys: Object.keys(sig.header ?? {}),
  };
}

function decodeProtectedHeader(b64: string): ProtectedHeader {
  let json: unknown;
  try {
    json = JSON.parse(decodeBase64UrlText(b64, 'protected header'));
  } catch (e) {
    if (e instanceof VerifierError) throw e;
    throw invalid('the protected header is not JSON');
  }
  const header = ProtectedHeader.safeParse(json);
  if (!header.success) throw invalid(`protected header: ${header.error.issues[0]?.path.join('.') || 'shape'} is malformed`);
  return header.data;
}

function decodeBase64UrlText(b64: string, what: string): string {
  const bytes = /[+/=]/.test(b64) ? undefined : fromBase64(b64);
  if (!bytes) throw invalid(`the ${what} is not base64url`);
  try {
    return fromUtf8(bytes);
  } catch {
    throw invalid(`the ${what} is not UTF-8`);
  }
}

/** RFC 7515 §4.1.11 and RFC 7797 §6. */
function checkCritical(header: ProtectedHeader): void {
  const crit = header.crit ?? [];
  for (const name of crit) {
    if (!UNDERSTOOD_CRITICAL.has(name)) throw invalid(`unknown critical header "${name.slice(0, 40)}"`);
    if ((header as Record<string, unknown>)[name] === undefined) throw invalid(`critical header "${name}" is absent`);
  }
  if (header.b64 === false && !crit.includes('b64')) throw invalid('b64 is false but not marked critical');
}

/** `x5t#S256` (RFC 7515 §4.1.8), when present, must be the SHA-256 of the leaf certificate. */
export async function thumbprintMatches(envelope: SealEnvelope): Promise<boolean> {
  const expected = envelope.header['x5t#S256'];
  if (expected === undefined) return true;
  return toBase64Url(await sha256(envelope.certificates[0]!.der)) === expected;
}

/**
 * Verifies the signature with the leaf certificate's key. The JWS Signing
 * Input is ASCII(BASE64URL(protected)) || '.' || payload, where an unencoded
 * payload (b64 false) is used as-is (RFC 7797 §3).
 */
export async function signatureMatches(envelope: SealEnvelope): Promise<boolean> {
  const key = await importCertificateKey(envelope.certificates[0]!, envelope.algorithm);
  const input = concatBytes(utf8(envelope.protectedB64), utf8('.'), utf8(envelope.rawPayload));
  const { verifyParams } = webCryptoParams(envelope.algorithm);
  return crypto.subtle.verify(verifyParams, key, envelope.signature as BufferSource, input as BufferSource);
}
