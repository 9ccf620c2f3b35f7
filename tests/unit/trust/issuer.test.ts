import { describe, expect, it } from 'vitest';
import { profileOb3 } from '../../../lib/qa/ob3';
import type { Check, Report } from '../../../lib/report';
import { describeIssuer, domainOf, safeImage } from '../../../lib/trust/issuer';
import { fullyDescribed } from '../qa/credentials';

const check = (id: Check['id'], status: Check['status'] = 'pass'): Check => ({ id, status, code: status === 'pass' ? 'OK' : 'KEY_NOT_BOUND_TO_ISSUER', message: '' });
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function report(over: Partial<Report> = {}): Report {
  return {
    verdict: 'verified', format: 'vc-data-integrity', container: 'json', checks: [check('proof'), check('issuer-binding')],
    summary: { issuer: { id: 'did:web:uni.example', name: 'Uni', url: 'https://www.uni.example/', image: PNG } },
    recipient: { outcome: 'not-checked', identifierTypes: [], message: '' }, technical: {}, inputHash: '0', checkedAt: '2026-01-01T00:00:00Z', ...over,
  };
}

describe('domainOf', () => {
  it('reads did:web hosts (with encoded ports) and https hosts', () => {
    expect(domainOf('did:web:uni.example:issuers:1')).toBe('uni.example');
    expect(domainOf('did:web:localhost%3A8443')).toBe('localhost:8443');
    expect(domainOf('https://Issuer.Example/profile')).toBe('issuer.example');
    expect(domainOf('did:key:z6Mk')).toBeUndefined();
    expect(domainOf('https://')).toBeUndefined();
  });
});

describe('safeImage', () => {
  it('keeps only raster data: images', () => {
    expect(safeImage(PNG)).toBe(PNG);
    expect(safeImage('https://evil.example/pixel.png')).toBeUndefined();
    expect(safeImage('data:image/svg+xml;base64,PHN2Zz4=')).toBeUndefined();
  });
});

describe('describeIssuer', () => {
  it('shows the verified signer and binds the claimed name to the verified domain', () => {
    const panel = describeIssuer(report(), []);
    expect(panel.signer).toEqual({ issuerId: 'did:web:uni.example', domain: 'uni.example' });
    expect(panel.claimed).toEqual({ name: 'Uni', url: 'https://www.uni.example/', image: PNG, boundToDomain: true });
    expect(panel).toMatchObject({ trustId: 'did:web:uni.example', trusted: false, canTrust: true, vouchers: [] });
  });

  it('marks claims as the issuer’s own when the website is elsewhere', () => {
    const r = report({ summary: { issuer: { id: 'did:web:uni.example', name: 'Harvard', url: 'https://harvard.example' } } });
    expect(describeIssuer(r, []).claimed.boundToDomain).toBe(false);
  });

  it('establishes no signer and offers no trust action when the key is not bound to the issuer', () => {
    const panel = describeIssuer(report({ checks: [check('proof'), check('issuer-binding', 'fail')] }), []);
    expect(panel.signer).toBeUndefined();
    expect(panel).toMatchObject({ canTrust: false, trusted: false, claimed: { boundToDomain: false } });
  });

  it('lists the trust-list entry and accreditations from the profile as vouchers', () => {
    const entries = [{ issuerId: 'did:web:uni.example', addedAt: '2026-01-01T00:00:00Z', source: 'user' }];
    const panel = describeIssuer(report(), entries, profileOb3(fullyDescribed));
    expect(panel.trusted).toBe(true);
    expect(panel.canTrust).toBe(false);
    expect(panel.vouchers).toEqual([
      { kind: 'trust-list', label: 'user', since: '2026-01-01T00:00:00Z' },
      { kind: 'accreditation', label: 'System accreditation (ZEvA)' },
    ]);
  });

  it('uses the seal certificate subject for EDC', () => {
    const r = report({ format: 'edc', checks: [check('seal'), check('certificate')], technical: { certificateSubject: 'CN=Agency, C=BE' }, summary: { issuer: { name: 'Agency' } } });
    expect(describeIssuer(r, []).signer).toEqual({ certificateSubject: 'CN=Agency, C=BE' });
    expect(describeIssuer(r, [])).toMatchObject({ trustId: 'CN=Agency, C=BE', canTrust: true });
  });
});
