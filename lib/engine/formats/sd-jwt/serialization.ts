/**
 * The compact serialization of an SD-JWT (RFC 9901 §4):
 * `<issuer-signed JWT>~<disclosure>~…~<disclosure>~[<KB-JWT>]`. A
 * presentation without key binding ends in `~`; one with key binding ends in
 * the KB-JWT, whose `sd_hash` covers everything before it, the last `~`
 * included (§4.3.1).
 */
import { VerifierError } from '../../errors';
import { LIMITS } from '../../limits';

export interface SdJwtParts {
  issuerJwt: string;
  /** the disclosures as sent (base64url), in order */
  disclosures: string[];
  kbJwt?: string;
  /** what a KB-JWT's sd_hash covers: the SD-JWT as presented, up to and including its last `~` */
  presented: string;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Whether `text` has the shape of a compact SD-JWT (for routing; nothing is trusted). */
export function looksLikeSdJwt(text: string): boolean {
  const tilde = text.indexOf('~');
  return tilde > 0 && text.length < 4_000_000 && COMPACT_JWS.test(text.slice(0, tilde)) && text.startsWith('ey');
}

/**
 * Splits a compact SD-JWT. Throws SD_JWT_INVALID for an empty disclosure
 * (`~~`), a segment that is not base64url, a trailing part that is not a
 * JWS, or more disclosures than LIMITS.sdJwtDisclosures.
 * @example splitSdJwt('eyJ….eyJ….sig~WyJ…~') // { issuerJwt, disclosures: ['WyJ…'], presented }
 */
export function splitSdJwt(text: string): SdJwtParts {
  const parts = text.split('~');
  if (parts.length < 2 || !COMPACT_JWS.test(parts[0]!)) throw new VerifierError('SD_JWT_INVALID', { reason: 'it does not start with an issuer-signed JWT followed by ~' });
  const last = parts[parts.length - 1]!;
  const kbJwt = last === '' ? undefined : last;
  if (kbJwt !== undefined && !COMPACT_JWS.test(kbJwt)) throw new VerifierError('SD_JWT_INVALID', { reason: 'its last part is neither empty nor a key binding JWT' });
  const disclosures = parts.slice(1, -1);
  if (disclosures.length > LIMITS.sdJwtDisclosures)
    throw new VerifierError('SD_JWT_INVALID', { reason: `${disclosures.length} disclosures, more than the ${LIMITS.sdJwtDisclosures} Credlens reads` });
  if (disclosures.some((d) => !SEGMENT.test(d))) throw new VerifierError('SD_JWT_INVALID', { reason: 'a disclosure is empty or not base64url' });
  const presented = kbJwt === undefined ? text : text.slice(0, text.length - kbJwt.length);
  return { issuerJwt: parts[0]!, disclosures, ...(kbJwt !== undefined ? { kbJwt } : {}), presented };
}

/** The unprotected header that carries the disclosures (RFC 9901 §8.1: the first signature's, in the general serialization). */
function sdJwtHeader(json: Record<string, unknown>): { header: Record<string, unknown>; protected: unknown; signature: unknown } | undefined {
  const isHeader = (h: unknown): h is Record<string, unknown> => typeof h === 'object' && h !== null && (Array.isArray((h as Record<string, unknown>).disclosures) || (h as Record<string, unknown>).kb_jwt !== undefined);
  if (isHeader(json.header)) return { header: json.header, protected: json.protected, signature: json.signature };
  const first = Array.isArray(json.signatures) ? (json.signatures[0] as Record<string, unknown> | undefined) : undefined;
  if (first && typeof first === 'object' && isHeader(first.header)) return { header: first.header, protected: first.protected, signature: first.signature };
  return undefined;
}

/** Whether a JSON value is an SD-JWT in the JWS JSON Serialization (RFC 9901 §8), not any other JWS JSON (a JAdES seal). */
export const isSdJwtJson = (json: unknown): json is Record<string, unknown> =>
  typeof json === 'object' && json !== null && typeof (json as Record<string, unknown>).payload === 'string' && sdJwtHeader(json as Record<string, unknown>) !== undefined;

/**
 * The compact serialization of a JSON serialized SD-JWT, which is also what a
 * KB-JWT's `sd_hash` covers (RFC 9901 §8.1): protected header, payload and
 * signature of the issuer's signature (the first, in the general
 * serialization; later signatures are not read), then its disclosures and
 * key binding JWT. Throws SD_JWT_INVALID.
 */
export function compactFromJson(json: Record<string, unknown>): string {
  const found = sdJwtHeader(json);
  const { disclosures = [], kb_jwt: kbJwt } = found?.header ?? {};
  if (!found || typeof found.protected !== 'string' || typeof found.signature !== 'string' || !Array.isArray(disclosures) || disclosures.some((d) => typeof d !== 'string'))
    throw new VerifierError('SD_JWT_INVALID', { reason: 'the JSON serialization has no protected header, signature or disclosures as strings' });
  if (kbJwt !== undefined && typeof kbJwt !== 'string') throw new VerifierError('SD_JWT_INVALID', { reason: 'kb_jwt is not a string' });
  return `${found.protected}.${json.payload as string}.${found.signature}~${(disclosures as string[]).map((d) => `${d}~`).join('')}${kbJwt ?? ''}`;
}
