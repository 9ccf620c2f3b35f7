import { describe, expect, it } from 'vitest';
import { profileOb3 } from '../../../lib/qa/ob3';
import type { Check, Report } from '../../../lib/engine/report';
import { describeIssuer, domainLabel, domainOf, safeImage } from '../../../lib/trust/issuer';
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
    expect(domainOf('did:web:%ZZ')).toBeUndefined();
  });

  it('gives an international host in its ASCII (punycode) form, however the id spells it', () => {
    expect(domainOf('https://аpple.com/issuer')).toBe('xn--pple-43d.com');
    expect(domainOf('https://xn--pple-43d.com/issuer')).toBe('xn--pple-43d.com');
    expect(domainOf('did:web:xn--80ak6aa92e.com')).toBe('xn--80ak6aa92e.com');
  });
});

describe('domainLabel', () => {
  it('shows a look-alike host in Unicode next to its punycode form, and an ASCII host alone', () => {
    expect(domainLabel({ domain: 'xn--pple-43d.com', domainUnicode: 'аpple.com' })).toBe('аpple.com (xn--pple-43d.com)');
    expect(domainLabel({ domain: 'apple.com' })).toBe('apple.com');
    expect(domainLabel({})).toBeUndefined();
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

  it.each([
    ['an https issuer written in Unicode', 'https://аpple.com/issuer'],
    ['an https issuer written in punycode', 'https://xn--pple-43d.com/issuer'],
  ])('SECURITY.md row 47: %s is shown with its punycode form next to the Unicode one', (_name, id) => {
    const panel = describeIssuer(report({ summary: { issuer: { id, name: 'Apple', url: 'https://apple.com/' } } }), []);
    expect(panel.signer).toEqual({ issuerId: id, domain: 'xn--pple-43d.com', domainUnicode: 'аpple.com' });
    expect(domainLabel(panel.signer!)).toBe('аpple.com (xn--pple-43d.com)');
    // the claimed website apple.com is not the look-alike domain that vouches for the key
    expect(panel.claimed.boundToDomain).toBe(false);
  });

  it('a did:web homograph is shown in both forms too', () => {
    const panel = describeIssuer(report({ summary: { issuer: { id: 'did:web:xn--80ak6aa92e.com', name: 'Apple' } } }), []);
    expect(panel.signer).toMatchObject({ domain: 'xn--80ak6aa92e.com', domainUnicode: 'аррӏе.com' });
  });

  describe('SECURITY.md row 46: an issuer id that names no key', () => {
    const URN = 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164';
    const DID_KEY = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
    const urnReport = (technical: Report['technical']) =>
      report({ summary: { issuer: { id: URN, name: 'Harvard University', url: 'https://www.harvard.edu/' } }, technical });

    it('shows the signing key as the signer and keys trust by it, never by the claimed urn', () => {
      const panel = describeIssuer(urnReport({ keyController: DID_KEY, keySource: 'did:key', signerDid: DID_KEY }), [
        { issuerId: URN, addedAt: '2026-01-01T00:00:00Z', source: 'Partner list' },
      ]);
      expect(panel.signer).toEqual({ issuerId: DID_KEY });
      expect(panel).toMatchObject({ trustId: DID_KEY, trusted: false, canTrust: true, vouchers: [] });
      expect(panel.claimed).toMatchObject({ name: 'Harvard University', boundToDomain: false });
    });

    it('a trust entry for the signing key is honoured', () => {
      const panel = describeIssuer(urnReport({ signerDid: DID_KEY }), [{ issuerId: DID_KEY, addedAt: '2026-01-01T00:00:00Z', source: 'user' }]);
      expect(panel).toMatchObject({ trusted: true, canTrust: false, vouchers: [{ kind: 'trust-list', label: 'user' }] });
    });

    it('a report kept from before signerDid existed still names the self-certifying key, not the urn', () => {
      expect(describeIssuer(urnReport({ keyController: DID_KEY, keySource: 'did:key' }), []).signer).toEqual({ issuerId: DID_KEY });
    });

    it('without a signing key, no signer is established at all', () => {
      const panel = describeIssuer(urnReport({}), [{ issuerId: URN, addedAt: '2026-01-01T00:00:00Z', source: 'user' }]);
      expect(panel.signer).toBeUndefined();
      expect(panel).toMatchObject({ trusted: false, canTrust: false });
    });
  });

  it('an EDC is trusted by its seal certificate subject, never by the urn id it gives its issuer', () => {
    const r = report({
      format: 'edc', checks: [check('seal'), check('certificate'), check('issuer-binding')], technical: { certificateSubject: 'CN=Agency, C=BE' },
      summary: { issuer: { id: 'urn:epass:org:1', name: 'Agency' } },
    });
    const panel = describeIssuer(r, [{ issuerId: 'urn:epass:org:1', addedAt: '2026-01-01T00:00:00Z', source: 'user' }]);
    expect(panel.signer).toEqual({ certificateSubject: 'CN=Agency, C=BE' });
    expect(panel).toMatchObject({ trustId: 'CN=Agency, C=BE', trusted: false });
  });

  it('uses the seal certificate subject for EDC', () => {
    const r = report({ format: 'edc', checks: [check('seal'), check('certificate')], technical: { certificateSubject: 'CN=Agency, C=BE' }, summary: { issuer: { name: 'Agency' } } });
    expect(describeIssuer(r, []).signer).toEqual({ certificateSubject: 'CN=Agency, C=BE' });
    expect(describeIssuer(r, [])).toMatchObject({ trustId: 'CN=Agency, C=BE', canTrust: true });
  });
});
