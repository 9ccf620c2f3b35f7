/**
 * The dispatcher hands a token's decoded payload to its verifier
 * (proofs/vc-jwt/jws.ts handOverPayload): one decode per token instead of two.
 * Only the very token whose payload was handed over may take it, and only once.
 */
import { describe, expect, it } from 'vitest';
import { decodeJws, handOverPayload } from '../../../../../lib/engine/proofs/vc-jwt/jws';
import { toBase64Url, utf8 } from '../../../../../lib/engine/util/bytes';

const token = (payload: unknown) =>
  `${toBase64Url(utf8(JSON.stringify({ alg: 'ES256', typ: 'JWT' })))}.${toBase64Url(utf8(JSON.stringify(payload)))}.${toBase64Url(new Uint8Array(64))}`;

describe('decodeJws and the payload the dispatcher handed over', () => {
  it('the same token takes the handed-over payload, once', () => {
    const jws = token({ iss: 'did:example:a' });
    const read = { iss: 'did:example:a' };
    handOverPayload(jws, read);
    expect(decodeJws(jws).payload).toBe(read);
    const again = decodeJws(jws).payload;
    expect(again).not.toBe(read);
    expect(again).toEqual(read);
  });

  it('another token never gets it: its own payload is decoded, and the hand-over is gone', () => {
    const a = token({ iss: 'did:example:a' });
    const b = token({ iss: 'did:example:forged' });
    handOverPayload(a, { iss: 'did:example:a' });
    expect(decodeJws(b).payload).toEqual({ iss: 'did:example:forged' });
    expect(decodeJws(a).payload).toEqual({ iss: 'did:example:a' });
  });

  it('a token with the same payload but another signature still reads that payload (the signature is checked on the token itself)', () => {
    const a = token({ iss: 'did:example:a' });
    const resigned = `${a.slice(0, a.lastIndexOf('.'))}.${toBase64Url(new Uint8Array(64).fill(1))}`;
    const read = { iss: 'did:example:a' };
    handOverPayload(a, read);
    expect(decodeJws(resigned).payload).toBe(read);
  });

  it('a payload that could not be read is not handed over: the verifier reports it itself', () => {
    const broken = `${token({}).split('.')[0]}.${toBase64Url(utf8('not json'))}.${toBase64Url(new Uint8Array(64))}`;
    handOverPayload(broken, undefined);
    expect(() => decodeJws(broken)).toThrow(expect.objectContaining({ code: 'JWS_INVALID' }));
  });
});
