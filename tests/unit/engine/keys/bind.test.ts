import { describe, expect, it } from 'vitest';
import { checkKeyBinding, precheckKeyBinding } from '../../../../lib/engine/keys/bind';
import { resolveDidKey } from '../../../../lib/engine/keys/did-key';
import type { ResolvedKey } from '../../../../lib/engine/keys/types';

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

  it.each([
    ['a DID issuer with an https key', 'https://evil.example/keys/1', 'did:web:university.example'],
    ['an https issuer with a did:web key on another host', 'did:web:evil.example#k', 'https://university.example/issuer'],
    ['an https issuer with a did:web key on another port', 'did:web:university.example%3A8443#k', 'https://university.example/issuer'],
    ['a urn issuer with an https key', 'https://evil.example/keys/1', 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164'],
    ['a urn issuer with a did:web key', 'did:web:evil.example#k', 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164'],
  ])('row 48: %s is refused before any lookup', (_name, vm, issuer) => {
    expect(precheckKeyBinding(vm, issuer)).toMatchObject({ id: 'issuer-binding', status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
  });

  it.each(['did:WEB:university.example', 'did:web:', 'did:web:exämple.com', 'did:key:<junk>'])('row 47: an issuer id %s that is not a DID → DID_INVALID', (issuer) => {
    expect(precheckKeyBinding(`did:key:${MB}#${MB}`, issuer)).toMatchObject({ status: 'fail', code: 'DID_INVALID' });
    expect(checkKeyBinding(resolveDidKey(`did:key:${MB}`), issuer)).toMatchObject({ status: 'fail', code: 'DID_INVALID' });
  });

  it('lets same-origin and same-DID keys through to resolution', () => {
    expect(precheckKeyBinding('did:web:issuer.example:issuers:1#k', 'https://issuer.example/issuers/1')).toBeUndefined();
    expect(precheckKeyBinding(`did:jwk:eyJrdHkiOiJPS1AifQ#0`, 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164')).toBeUndefined();
    expect(precheckKeyBinding('https://issuer.example/keys/1', 'http://issuer.example/issuer')).toBeUndefined();
    expect(precheckKeyBinding('did:web:issuer.example#key-1', 'did:web:issuer.example')).toBeUndefined();
    expect(precheckKeyBinding(`did:key:${MB}#${MB}`, `did:key:${MB}`)).toBeUndefined();
  });
});
