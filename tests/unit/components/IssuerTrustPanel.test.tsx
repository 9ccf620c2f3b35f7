/**
 * What the popup shows as the issuer's verified identity: the signer the
 * checks established, never the credential's own claims (SECURITY.md rows 46
 * and 47).
 */
import { describe, expect, it, vi } from 'vitest';
import { CredentialDetails } from '../../../components/CredentialDetails';
import { all, fire, mount } from './dom';
import { makeReport } from './reports';

const URN = 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164';
const DID_KEY = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';

const urnReport = () =>
  makeReport('verified', {
    summary: { title: 'Juris Doctor', issuer: { id: URN, name: 'Harvard University', url: 'https://www.harvard.edu/' } },
    technical: { keyId: `${DID_KEY}#${DID_KEY.slice(8)}`, keyController: DID_KEY, keySource: 'did:key', signerDid: DID_KEY },
  });

describe('<IssuerTrustPanel> inside <CredentialDetails>', () => {
  it('row 46: a urn issuer is shown as signed by its key, its name as its own claim, and a trust entry for the urn does not count', () => {
    const onTrust = vi.fn();
    const entries = [{ issuerId: URN, addedAt: '2026-01-01T00:00:00Z', source: 'Partner list' }];
    const el = mount(<CredentialDetails report={urnReport()} trustEntries={entries} onTrust={onTrust} onUntrust={() => undefined} />);
    const trust = el.querySelector('[data-testid="issuer-trust"]')!;
    expect(trust.querySelector('code')!.textContent).toBe(DID_KEY);
    expect(trust.textContent).not.toContain(URN);
    expect(trust.textContent).not.toContain('On your trust list');
    expect(trust.querySelector('[data-bound]')!.getAttribute('data-bound')).toBe('false');
    expect(trust.textContent).toContain('the issuer’s own claim');
    fire(all(el, 'button').find((b) => b.textContent === 'Trust this issuer'), 'click');
    expect(onTrust).toHaveBeenCalledWith(DID_KEY, 'Harvard University');
  });

  it('row 46: a trust entry for the signing key is shown as such', () => {
    const entries = [{ issuerId: DID_KEY, addedAt: '2026-01-01T00:00:00Z', source: 'user' }];
    const el = mount(<CredentialDetails report={urnReport()} trustEntries={entries} />);
    expect(el.querySelector('[data-voucher="trust-list"]')).not.toBeNull();
  });

  it('row 47: a look-alike https issuer shows its domain in Unicode and in punycode', () => {
    const report = makeReport('verified', { summary: { issuer: { id: 'https://аpple.com/issuer', name: 'Apple' } }, technical: {} });
    const el = mount(<CredentialDetails report={report} />);
    expect(el.querySelector('[data-testid="signer-domain"]')!.textContent).toBe('Verified domain: аpple.com (xn--pple-43d.com)');
  });

  it('an ASCII domain is shown once', () => {
    const el = mount(<CredentialDetails report={makeReport('verified')} />);
    expect(el.querySelector('[data-testid="signer-domain"]')!.textContent).toBe('Verified domain: uni.example');
  });
});
