/**
 * COSE-secured credentials (VC-JOSE-COSE §3.3: `application/vc+cose`, a
 * COSE_Sign1 over the credential; also CWTs and ISO mdocs) are CBOR, which
 * Credlens cannot check yet. They are recognised so that the answer names
 * them: "could not be checked" (COSE_UNSUPPORTED), never "failed" and never
 * "not a credential" (SECURITY.md row 60).
 */
import { fromBase64, fromHex } from '../util/bytes';

/**
 * CBOR openings of COSE (RFC 9052 §2, RFC 8949 §3): tag 18 (COSE_Sign1) or
 * tag 98 (COSE_Sign) on an array of four, tag 61 (CWT), or an untagged
 * COSE_Sign1 (an array of four whose first item, the protected header, is a
 * byte string).
 */
export function looksLikeCose(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const [b0, b1, b2] = [bytes[0]!, bytes[1]!, bytes[2]!];
  if (b0 === 0xd2 && b1 === 0x84) return true;
  if (b0 === 0xd8 && (b1 === 0x62 || b1 === 0x3d) && (b2 === 0x84 || b2 === 0xd2)) return true;
  return b0 === 0x84 && (b1 & 0xe0) === 0x40;
}

/** Whether a text is a COSE object written as hex or base64 (as test suites and wallets print CBOR). */
export function looksLikeCoseText(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length > 4_000_000) return false;
  const bytes = /^[0-9a-fA-F]+$/.test(compact) ? fromHex(compact) : /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact) ? fromBase64(compact) : undefined;
  return bytes !== undefined && looksLikeCose(bytes);
}
