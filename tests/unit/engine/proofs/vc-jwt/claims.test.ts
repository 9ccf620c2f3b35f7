import { describe, expect, it } from 'vitest';
import { checkJwtClaims, credentialFromPayload } from '../../../../../lib/engine/proofs/vc-jwt/claims';

describe('credentialFromPayload', () => {
  it('VC 1.1: never overwrites properties the credential states', () => {
    const vc = { type: ['VerifiableCredential'], issuer: 'did:x:stated', issuanceDate: '2020-01-01T00:00:00Z', credentialSubject: { id: 'did:x:s' } };
    const { credential, shape } = credentialFromPayload({ vc, iss: 'did:x:claimed', nbf: 0, sub: 'did:x:other' });
    expect(shape).toBe('vc-claim');
    expect(credential).toMatchObject({ issuer: 'did:x:stated', issuanceDate: '2020-01-01T00:00:00Z', credentialSubject: { id: 'did:x:s' } });
  });

  it('VC 2.0: the payload is the credential', () => {
    const payload = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: 'did:x:i' };
    expect(credentialFromPayload(payload)).toEqual({ credential: payload, shape: 'payload' });
  });

  it('VC 2.0: exp and nbf set validUntil/validFrom only when absent, so the token lifetime is never ignored', () => {
    const payload = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], nbf: 1735689600, exp: 1893456000 };
    expect(credentialFromPayload(payload).credential).toMatchObject({ validFrom: '2025-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' });
    const stated = { ...payload, validUntil: '2029-01-01T00:00:00Z' };
    expect(credentialFromPayload(stated).credential.validUntil).toBe('2029-01-01T00:00:00Z');
  });

  it('VC 1.1 `vc` claim: exp sets expirationDate', () => {
    const vc = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: {} };
    const { credential } = credentialFromPayload({ vc, exp: 1893456000 });
    expect(credential.expirationDate).toBe('2030-01-01T00:00:00Z');
    expect(credential).not.toHaveProperty('validUntil');
  });

  it.each([[null], [[1, 2]], [{ iss: 'x' }]])('refuses a payload without a credential: %j', (payload) => {
    expect(() => credentialFromPayload(payload)).toThrow(expect.objectContaining({ code: 'JWS_INVALID' }));
  });
});

describe('checkJwtClaims', () => {
  const credential = {
    issuer: { id: 'did:x:i' },
    id: 'urn:uuid:1',
    validFrom: '2025-01-01T00:00:00.500Z',
    validUntil: '2030-01-01T00:00:00Z',
    credentialSubject: [{ id: 'did:x:a' }, { id: 'did:x:b' }],
  };

  it('passes when every present claim agrees (instants compared in whole seconds)', () => {
    const claims = { iss: 'did:x:i', sub: 'did:x:b', jti: 'urn:uuid:1', nbf: 1735689600, exp: 1893456000 };
    expect(checkJwtClaims(claims, credential).status).toBe('pass');
  });

  it('passes with no registered claims at all', () => {
    expect(checkJwtClaims({}, credential).status).toBe('pass');
  });

  it.each([
    ['nbf', { nbf: '1735689600' }],
    ['exp', { exp: 1893456001 }],
    ['sub', { sub: 42 }],
  ])('%s that is not the same instant or value → JWT_CLAIM_MISMATCH', (claim, claims) => {
    expect(checkJwtClaims(claims, credential)).toMatchObject({ status: 'fail', code: 'JWT_CLAIM_MISMATCH', detail: { claim } });
  });
});
