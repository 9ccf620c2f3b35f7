/**
 * The verified identity of a report, which the trust panel and the quality
 * profile's "trusted provider" are keyed by (SECURITY.md row 46).
 */
import { describe, expect, it } from 'vitest';
import { profileFor } from '../../../lib/qa';
import type { Check, Report } from '../../../lib/engine/report';
import { trustIdOf, verifiedIssuerId } from '../../../lib/trust/signer';
import { fullyDescribed } from '../qa/credentials';

const URN = 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164';
const DID_KEY = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
const pass = (id: Check['id']): Check => ({ id, status: 'pass', code: 'OK', message: 'Passed' });

function report(over: Partial<Report>): Report {
  return {
    verdict: 'verified', format: 'vc-data-integrity', container: 'json', checks: [pass('proof'), pass('issuer-binding')],
    summary: { issuer: { id: URN, name: 'Harvard University' } }, recipient: { outcome: 'not-checked', identifierTypes: [], message: '' },
    technical: { keyController: DID_KEY, keySource: 'did:key', signerDid: DID_KEY }, inputHash: '00', checkedAt: '2026-01-01T00:00:00Z',
    credential: fullyDescribed, ...over,
  };
}

describe('verifiedIssuerId and trustIdOf', () => {
  it.each([
    ['a DID issuer', { summary: { issuer: { id: 'did:web:uni.example' } }, technical: {} }, 'did:web:uni.example'],
    ['an https issuer', { summary: { issuer: { id: 'https://uni.example/issuer' } }, technical: {} }, 'https://uni.example/issuer'],
    ['a urn issuer signed by a did:key', {}, DID_KEY],
    ['a bare-name issuer signed by a did:jwk (older report)', { summary: { issuer: { id: 'Harvard' } }, technical: { keyController: 'did:jwk:e30', keySource: 'did:jwk' } }, 'did:jwk:e30'],
    ['a urn issuer with a key fetched from elsewhere', { technical: { keyController: 'did:web:evil.example', keySource: 'did:web' } }, undefined],
    ['a sealed EDC, whatever id it gives its issuer', { format: 'edc' as const, summary: { issuer: { id: 'https://agency.example/' } }, technical: {} }, undefined],
  ])('%s → %s', (_name, over, expected) => {
    expect(verifiedIssuerId(report(over as Partial<Report>))).toBe(expected);
  });

  it('an EDC is keyed by its seal certificate subject', () => {
    expect(trustIdOf(report({ format: 'edc', summary: { issuer: { id: 'urn:epass:org:1' } }, technical: { certificateSubject: 'CN=Agency' } }))).toBe('CN=Agency');
  });
});

describe('the quality profile\'s trusted provider', () => {
  it('SECURITY.md row 46: a trust-list entry for the claimed urn does not make the signer of a urn issuer trusted', () => {
    expect(profileFor(report({}), { trustedIssuerIds: new Set([URN]) })?.unesco.trustedProvider).toBe(false);
    expect(profileFor(report({}), { trustedIssuerIds: new Set([DID_KEY]) })?.unesco.trustedProvider).toBe(true);
  });
});
