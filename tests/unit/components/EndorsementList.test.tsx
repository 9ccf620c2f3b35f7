/**
 * Endorsements in the trust panel and the quality profile: who vouches, and
 * whether that was verified (SECURITY.md row 61); and the Credential Engine
 * facts of the quality profile.
 */
import { describe, expect, it } from 'vitest';
import { endorsementKey, endorsementText } from '../../../components/EndorsementList/text';
import { IssuerTrustPanel } from '../../../components/IssuerTrustPanel';
import { QualityProfilePanel } from '../../../components/QualityProfilePanel';
import { profileOb3 } from '../../../lib/qa/ob3';
import type { EndorsementView } from '../../../lib/trust/endorsements';
import type { IssuerTrust } from '../../../lib/trust/issuer';
import { all, mount } from './dom';

const view = (over: Partial<EndorsementView>): EndorsementView => ({ path: 'issuer.endorsement[0]', about: 'issuer', endorser: 'Accreditation Council', state: 'verified', counts: true, ...over });

describe('endorsementText', () => {
  it.each([
    [{}, 'Endorsement of the issuer by Accreditation Council: verified'],
    [{ state: 'unverifiable', counts: false }, 'Endorsement of the issuer by Accreditation Council: could not be checked, does not count'],
    [{ state: 'failed', counts: false }, 'Endorsement of the issuer by Accreditation Council: failed verification, does not count'],
    [{ state: 'expired', counts: false, about: 'achievement' }, 'Endorsement of the achievement by Accreditation Council: expired, does not count'],
    [{ state: 'not-checked', counts: false, about: 'credential' }, 'Endorsement of this credential by Accreditation Council: stated in the credential, not checked, does not count'],
    [{ doesNotCount: 'self', counts: false }, 'Endorsement of the issuer by Accreditation Council: verified, but given by the issuer itself, so it does not count as quality assurance'],
    [{ doesNotCount: 'other-subject', counts: false }, 'Endorsement of the issuer by Accreditation Council: verified, but it names someone else as endorsed, so it does not count'],
  ] as const)('%o', (over, text) => {
    expect(endorsementText(view(over as Partial<EndorsementView>))).toBe(text);
  });

  it('every state has its words', () => {
    for (const state of ['verified', 'expired', 'revoked', 'failed', 'unverifiable', 'not-checked'] as const) {
      expect(endorsementText(view({ state }))).not.toContain(endorsementKey({ state }));
    }
  });
});

const trust = (vouchers: IssuerTrust['vouchers'], over: Partial<IssuerTrust> = {}): IssuerTrust => ({ claimed: { boundToDomain: false }, vouchers, trusted: false, canTrust: false, ...over });

describe('<IssuerTrustPanel> endorsements', () => {
  it('regression: an endorsement that could not be checked is said to be so, never "stated in the credential"', () => {
    const el = mount(<IssuerTrustPanel trust={trust([{ kind: 'endorsement', label: 'Accreditation Council', endorsement: { state: 'unverifiable', counts: false, about: 'issuer' } }])} />);
    const voucher = el.querySelector('[data-voucher="endorsement"]')!;
    expect(voucher.textContent).toBe('Endorsement of the issuer by Accreditation Council: could not be checked, does not count');
    expect(voucher.querySelector('[data-counts]')!.getAttribute('data-counts')).toBe('false');
  });

  it('a verified endorsement is marked as counting and quotes the endorser', () => {
    const el = mount(<IssuerTrustPanel trust={trust([{ kind: 'endorsement', label: 'Accreditation Council', endorsement: { state: 'verified', counts: true, about: 'issuer', comment: 'Accredited 2025' } }])} />);
    expect(el.querySelector('[data-endorsement="verified"]')!.getAttribute('data-counts')).toBe('true');
    expect(el.querySelector('[data-voucher="endorsement"]')!.textContent).toContain('“Accredited 2025”');
  });

  it('says how many endorsements were beyond the cap', () => {
    const el = mount(<IssuerTrustPanel trust={trust([], { endorsementsNotChecked: 3 })} />);
    expect(el.textContent).toContain('3 more endorsements were not checked (Credlens checks at most 8 per credential)');
  });

  it('accreditations stay "stated in the credential, not checked"', () => {
    const el = mount(<IssuerTrustPanel trust={trust([{ kind: 'accreditation', label: 'System accreditation (ZEvA)' }])} />);
    expect(el.querySelector('[data-voucher="accreditation"]')!.textContent).toBe('Accreditation stated in the credential, not checked: System accreditation (ZEvA)');
  });
});

describe('<QualityProfilePanel> endorsements and Credential Engine facts', () => {
  const CTID = 'ce-c4ccf4c4-76d5-4a6e-9ca0-2cd7a8937ee6';
  const profile = profileOb3(
    {
      credentialSubject: { achievement: { achievementType: 'MicroCredential', otherIdentifier: [{ identifier: CTID }], alignment: [{ targetUrl: `https://sandbox.credentialengineregistry.org/resources/${CTID}` }] } },
    },
    [view({}), view({ path: 'issuer.endorsement[1]', endorser: 'Self', state: 'verified', doesNotCount: 'self', counts: false })],
  );

  it('lists the endorsements with their state; only the verified third-party one counts', () => {
    const el = mount(<QualityProfilePanel profile={profile} />);
    expect(all(el, '[data-testid="endorsements"] [data-endorsement]').map((e) => e.getAttribute('data-counts'))).toEqual(['true', 'false']);
    expect(el.querySelector('[data-element="qualityAssurance"]')!.getAttribute('data-presence')).toBe('present');
  });

  it('names the CTDL credential type in words and links the registry, to be opened, never fetched', () => {
    const el = mount(<QualityProfilePanel profile={profile} />);
    expect(el.querySelector('[data-testid="ctdl-type"]')!.textContent).toBe('Credential type (CTDL): Micro-credential');
    const links = all(el, '[data-testid="registry"] a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([`https://sandbox.credentialengineregistry.org/resources/${CTID}`, `https://credentialfinder.org/resources/${CTID}`]);
    expect(links.every((a) => a.getAttribute('target') === '_blank' && a.getAttribute('rel') === 'noopener noreferrer')).toBe(true);
    expect(el.querySelector('[data-testid="registry"]')!.textContent).toContain('registry sandbox: test data');
    expect(el.querySelector('[data-testid="registry"]')!.textContent).toContain('Described in the Credential Engine registry');
  });
});
