import { describe, expect, it } from 'vitest';
import { credentialKeyOf, stableStringify } from '../../../../lib/extension/history/credential-key';
import { makeReport } from './make-report';

describe('stableStringify', () => {
  it('orders keys at every depth and drops undefined like JSON', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(stableStringify('x')).toBe('"x"');
    expect(stableStringify(null)).toBe('null');
  });
});

describe('credentialKeyOf', () => {
  it('is the same for equal content in another key order and differs for other content', async () => {
    const a = await credentialKeyOf(makeReport({ seed: 'one', credential: { id: 'urn:1', type: ['VerifiableCredential'] } }));
    const b = await credentialKeyOf(makeReport({ seed: 'two', credential: { type: ['VerifiableCredential'], id: 'urn:1' } }));
    const c = await credentialKeyOf(makeReport({ credential: { type: ['VerifiableCredential'], id: 'urn:2' } }));
    expect(a).toMatch(/^content:[0-9a-f]{64}$/);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('uses the hosted URL for a hosted OB 2.0 assertion, whose hosted copy may change', async () => {
    const key = await credentialKeyOf(makeReport({ format: 'ob2-hosted', credential: { id: 'https://badges.example/a/1', revoked: false } }));
    expect(key).toBe('hosted:https://badges.example/a/1');
  });

  it('falls back to the input hash without a payload', async () => {
    const r = makeReport();
    expect(await credentialKeyOf(r)).toBe(`input:${r.inputHash}`);
  });
});
