/** Compact JWS recognition and unverified decoding (for routing only; never trusted). */
import { fromBase64, fromUtf8 } from '../util/bytes';
import { parseJsonCapped } from '../util/json';

const COMPACT_JWS = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

export function isJwsCompact(text: string): boolean {
  return text.length < 1_000_000 && COMPACT_JWS.test(text) && text.startsWith('ey');
}

/** Decodes one part of a compact JWS as JSON; undefined when it is not JSON. */
export function decodeJwsPart(jws: string, index: 0 | 1): unknown {
  const part = jws.split('.')[index];
  const bytes = part === undefined ? undefined : fromBase64(part);
  if (!bytes) return undefined;
  try {
    return parseJsonCapped(fromUtf8(bytes));
  } catch {
    return undefined;
  }
}

export const decodeJwsPayload = (jws: string): unknown => decodeJwsPart(jws, 1);
export const decodeJwsHeader = (jws: string): unknown => decodeJwsPart(jws, 0);
