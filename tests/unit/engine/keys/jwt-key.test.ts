import { describe, expect, it } from 'vitest';
import { absoluteKid } from '../../../../lib/engine/keys/jwt-key';

describe('absoluteKid', () => {
  it.each([
    ['did:web:a.example#k', 'did:web:b.example', 'did:web:a.example#k'],
    ['https://a.example/k', 'did:web:b.example', 'https://a.example/k'],
    ['#key-1', 'did:web:issuer.example', 'did:web:issuer.example#key-1'],
    ['#key-1', 'https://issuer.example/i/1', 'https://issuer.example/i/1#key-1'],
    ['0', 'did:jwk:eyJ9', 'did:jwk:eyJ9#0'],
  ])('kid %s with issuer %s → %s', (kid, issuer, expected) => expect(absoluteKid(kid, issuer)).toBe(expected));

  it('a bare label with an https issuer is a JWKS kid, not a URL', () => {
    expect(absoluteKid('key-2024', 'https://issuer.example/i/1')).toBeUndefined();
  });

  it('ignores non-string and empty kids', () => {
    expect(absoluteKid(42, 'did:web:x')).toBeUndefined();
    expect(absoluteKid('', 'did:web:x')).toBeUndefined();
  });
});
