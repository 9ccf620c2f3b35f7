import { describe, expect, it } from 'vitest';
import { profileFor } from '../../../lib/qa';
import type { Check, Report } from '../../../lib/engine/report';
import { fullyDescribed } from './credentials';

const pass = (id: Check['id']): Check => ({ id, status: 'pass', code: 'OK', message: 'Passed' });

function report(over: Partial<Report>): Report {
  return {
    verdict: 'verified', format: 'vc-data-integrity', container: 'json', checks: [pass('proof'), pass('issuer-binding')],
    summary: { issuer: { id: 'did:web:uni.example' } }, recipient: { outcome: 'not-checked', identifierTypes: [], message: '' },
    technical: {}, inputHash: '00', checkedAt: '2026-01-01T00:00:00Z', credential: fullyDescribed, ...over,
  };
}

describe('profileFor', () => {
  it('dispatches VC formats to the OB 3.0 mapping', () => {
    expect(profileFor(report({}))?.presentCount).toBe(11);
    expect(profileFor(report({ format: 'vc-jwt' }))?.presentCount).toBe(11);
  });

  it('dispatches OB 2.0 in both shapes', () => {
    const assertion = { recipient: { identity: 'a@b.c', type: 'email' }, badge: { name: 'B', issuer: { name: 'I' } } };
    expect(profileFor(report({ format: 'ob2-hosted', credential: assertion }))?.presentCount).toBe(3);
    const split = { assertion: { recipient: { identity: 'x' } }, badgeClass: { name: 'B' }, issuer: { name: 'I' } };
    expect(profileFor(report({ format: 'ob2-signed', credential: split }))?.presentCount).toBe(3);
  });

  it('dispatches EDC and returns a full eleven-element profile', () => {
    expect(profileFor(report({ format: 'edc', credential: {} }))?.elements).toHaveLength(11);
  });

  it('has no profile without a signed payload or for unknown formats', () => {
    expect(profileFor(report({ credential: undefined }))).toBeUndefined();
    expect(profileFor(report({ format: 'unknown' }))).toBeUndefined();
  });

  it('an accreditation in a sealed European Digital Credential is quality assurance, only once the seal verified', () => {
    const edc = { credentialSubject: { hasClaim: [{ specifiedBy: { accreditation: { title: { en: 'Accredited by the national agency' } } } }] } };
    const sealed = profileFor(report({ format: 'edc', credential: edc }))!;
    expect(sealed.elements.find((f) => f.element === 'qualityAssurance')).toMatchObject({ presence: 'present', checked: true });
    expect(sealed.unesco.qualityAssured).toBe(true);
    expect(sealed.summaryLine).toContain('· quality assured');
    const unchecked = profileFor(report({ format: 'edc', credential: edc, verdict: 'unverifiable' }))!;
    expect(unchecked.unesco.qualityAssured).toBe('stated');
    expect(unchecked.summaryLine).toContain('· quality assurance stated, not checked');
  });

  it('marks a trusted provider only when the issuer is bound and on a trust list', () => {
    const trusted = new Set(['did:web:uni.example']);
    expect(profileFor(report({}))?.unesco.trustedProvider).toBe('unknown');
    expect(profileFor(report({}), { trustedIssuerIds: trusted })?.unesco.trustedProvider).toBe(true);
    expect(profileFor(report({}), { trustedIssuerIds: new Set(['did:web:other.example']) })?.unesco.trustedProvider).toBe(false);
    const unbound = report({ checks: [pass('proof'), { id: 'issuer-binding', status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER', message: '' }] });
    expect(profileFor(unbound, { trustedIssuerIds: trusted })?.unesco.trustedProvider).toBe(false);
  });
});
