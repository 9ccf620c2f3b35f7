import { describe, expect, it } from 'vitest';
import { fromBase58, fromBase64, fromHex, toBase58, toBase64Url, toHex } from '../../../../lib/engine/util/bytes';

describe('byte encodings', () => {
  it('round-trips base58btc, keeping leading zero bytes', () => {
    for (const bytes of [new Uint8Array([0, 0, 1, 2, 255]), new Uint8Array([0xed, 0x01, ...new Array(32).fill(7)]), new Uint8Array(0)]) {
      expect(fromBase58(toBase58(bytes))).toEqual(bytes);
    }
  });

  it('decodes a known base58 value', () => {
    // "Hello World!" in the bitcoin alphabet
    expect(new TextDecoder().decode(fromBase58('2NEpo7TZRRrLZSi2U')!)).toBe('Hello World!');
  });

  it('rejects characters outside the base58 alphabet', () => {
    expect(fromBase58('0OIl')).toBeUndefined();
  });

  it('round-trips base64url and accepts padded base64', () => {
    const bytes = new Uint8Array([251, 255, 0, 1, 2]);
    expect(fromBase64(toBase64Url(bytes))).toEqual(bytes);
    expect(fromBase64('+/8AAQI=')).toEqual(bytes);
    expect(fromBase64('a$b')).toBeUndefined();
  });

  it('round-trips hex', () => {
    expect(fromHex(toHex(new Uint8Array([0, 171, 255])))).toEqual(new Uint8Array([0, 171, 255]));
    expect(fromHex('abc')).toBeUndefined();
  });
});
