/**
 * The few DER (ITU-T X.690) operations a signature check needs on the exact
 * received bytes: slicing `tbsCertificate` (RFC 5280 §4.1.1.1 — the signature
 * covers these bytes as sent, so they must not be re-encoded) and turning an
 * ECDSA-Sig-Value (RFC 3279 §2.2.3) into the raw r||s form WebCrypto takes.
 */
import { VerifierError } from '../../errors';

/** Positions of one DER element inside its buffer. */
export interface Tlv {
  tag: number;
  /** offset of the tag byte */
  start: number;
  /** offset of the first content byte */
  contentStart: number;
  /** offset just past the content */
  end: number;
}

/** Reads one tag-length-value at `offset`; single-byte tags and definite lengths only (DER). */
export function readTlv(bytes: Uint8Array, offset: number): Tlv {
  const bad = (reason: string) => new VerifierError('SEAL_CERTIFICATE_INVALID', { reason });
  if (offset + 2 > bytes.length) throw bad('truncated DER');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw bad('multi-byte DER tag');
  let length = bytes[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw bad('unsupported DER length');
    if (contentStart + count > bytes.length) throw bad('truncated DER');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > bytes.length) throw bad('truncated DER');
  return { tag, start: offset, contentStart, end };
}

/** The first element (tbsCertificate) of a Certificate SEQUENCE, as received. */
export function tbsBytes(certificate: Uint8Array): Uint8Array {
  const outer = readTlv(certificate, 0);
  if (outer.tag !== 0x30 || outer.end !== certificate.length)
    throw new VerifierError('SEAL_CERTIFICATE_INVALID', { reason: 'not a DER certificate' });
  const tbs = readTlv(certificate, outer.contentStart);
  if (tbs.tag !== 0x30) throw new VerifierError('SEAL_CERTIFICATE_INVALID', { reason: 'not a DER certificate' });
  return certificate.subarray(tbs.start, tbs.end);
}

/** DER `SEQUENCE { r INTEGER, s INTEGER }` → fixed-width r||s (IEEE P1363), as WebCrypto ECDSA expects. */
export function ecdsaDerToRaw(der: Uint8Array, coordinateBytes: number): Uint8Array {
  const seq = readTlv(der, 0);
  const r = readTlv(der, seq.contentStart);
  const s = readTlv(der, r.end);
  if (seq.tag !== 0x30 || r.tag !== 0x02 || s.tag !== 0x02 || s.end !== seq.end)
    throw new VerifierError('SEAL_CERTIFICATE_INVALID', { reason: 'malformed ECDSA signature' });
  const out = new Uint8Array(coordinateBytes * 2);
  const place = (tlv: Tlv, at: number) => {
    let value = der.subarray(tlv.contentStart, tlv.end);
    while (value.length > coordinateBytes && value[0] === 0) value = value.subarray(1);
    if (value.length > coordinateBytes) throw new VerifierError('SEAL_CERTIFICATE_INVALID', { reason: 'ECDSA integer too long' });
    out.set(value, at + coordinateBytes - value.length);
  };
  place(r, 0);
  place(s, coordinateBytes);
  return out;
}

/** Decodes a DER OBJECT IDENTIFIER (X.690 §8.19): ECParameters carry the named curve this way (RFC 5480 §2.1.1). */
export function decodeOid(der: Uint8Array): string | undefined {
  if (der[0] !== 0x06 || der[1] === undefined || der[1] + 2 !== der.length) return undefined;
  const parts: number[] = [];
  let value = 0;
  for (let i = 2; i < der.length; i++) {
    value = value * 128 + (der[i]! & 0x7f);
    if ((der[i]! & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  if (parts.length === 0) return undefined;
  const first = Math.min(Math.floor(parts[0]! / 40), 2);
  return [first, parts[0]! - first * 40, ...parts.slice(1)].join('.');
}
