import { describe, expect, it } from 'vitest';
import { checkKeyBinding, precheckKeyBinding } from '../../../lib/keys/bind';
import { resolveDidKey } from '../../../lib/keys/did-key';
import type { ResolvedKey } from '../../../lib/keys/types';

const MB = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const key = (controller: string, assertionMethod = true): ResolvedKey => ({
  id: `${controller}#k`,
  controller,
  publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'x' },
  relationships: { assertionMethod, authentication: false },
  source: 'did:web',
});

// "row N" in the test names below is row N of the attack table in SECURITY.md.
describe('checkKeyBinding', () => {
  it('passes for a did:key issuer whose VM is did:key:z…#z…', () => {
    expect(checkKeyBinding(resolveDidKey(`did:key:${MB}#${MB}`), `did:key:${MB}`)).toMatchObject({ id: 'issuer-binding', status: 'pass' });
  });

  it('passes when the controller is the issuer and the key is an assertion method', () => {
    expect(checkKeyBinding(key('did:web:issuer.example'), 'did:web:issuer.example').status).toBe('pass');
    expect(checkKeyBinding(key('http://issuer.example/i/1'), 'https://issuer.example/i/1').status).toBe('pass');
  });

  it('row 10: a key of another controller → KEY_NOT_BOUND_TO_ISSUER', () => {
    expect(checkKeyBinding(resolveDidKey(`did:key:${MB}`), 'did:web:university.example')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
  });

  it('a key not listed under assertionMethod → KEY_NOT_BOUND_TO_ISSUER', () => {
    expect(checkKeyBinding(key('did:web:issuer.example', false), 'did:web:issuer.example')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
  });

  it('does not confuse a DID with the same string as an http id', () => {
    expect(checkKeyBinding(key('did:web:a'), 'did:web:b').status).toBe('fail');
  });
});

describe('precheckKeyBinding (no network)', () => {
  it('row 6: an https key on another origin than an https issuer is refused', () => {
    expect(precheckKeyBinding('https://evil.example/keys#1', 'https://university.example/issuer')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
    expect(precheckKeyBinding('https://issuer.example@127.0.0.1/', 'https://issuer.example/i')?.code).toBe('KEY_NOT_BOUND_TO_ISSUER');
  });

  it('row 10: a DID-URL key of another DID than a DID issuer is refused', () => {
    expect(precheckKeyBinding(`did:key:${MB}#${MB}`, 'did:web:university.example')?.code).toBe('KEY_NOT_BOUND_TO_ISSUER');
  });

  it('lets same-origin and same-DID keys through to resolution', () => {
    expect(precheckKeyBinding('https://issuer.example/keys/1', 'http://issuer.example/issuer')).toBeUndefined();
    expect(precheckKeyBinding('did:web:issuer.example#key-1', 'did:web:issuer.example')).toBeUndefined();
    expect(precheckKeyBinding(`did:key:${MB}#${MB}`, `did:key:${MB}`)).toBeUndefined();
  });
});
