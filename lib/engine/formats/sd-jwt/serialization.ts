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
