import { describe, expect, it, vi } from 'vitest';
import { all, fire, mount, settle } from './dom';
import { makeReport, passCheck } from './reports';
import { groupChecks } from '../../../components/CheckList/group';
import { CredentialDetails } from '../../../components/CredentialDetails';
import { technicalRows } from '../../../components/TechnicalDetails/rows';
import type { Check } from '../../../lib/engine/report';

const expiredCheck: Check = { id: 'validity', status: 'fail', code: 'CRED_EXPIRED', message: 'The credential expired on 2020-01-01', detail: { validUntil: '2020-01-01' } };
const statusError: Check = { id: 'status', status: 'error', code: 'STATUS_RETRIEVAL_ERROR', message: 'x', detail: { url: 'https://s.example/list' } };

describe('groupChecks', () => {
  it('puts problems first and keeps the engine order inside each group', () => {
    const checks = [passCheck('structure'), { ...passCheck('status'), status: 'skip' as const, code: 'SKIPPED' as const }, statusError, passCheck('proof'), expiredCheck];
    expect(groupChecks(checks).map((g) => [g.status, g.checks.map((c) => c.id)])).toEqual([
      ['fail', ['validity']], ['error', ['status']], ['pass', ['structure', 'proof']], ['skip', ['status']],
    ]);
  });
});

describe('technicalRows', () => {
  it('lists codes, key, hashes and the DID document', () => {
    const rows = technicalRows(makeReport('verified', { technical: { keyId: 'k#1', custom: 'v', didDocument: { id: 'did:web:a' } } }));
    const labels = rows.map((r) => r.labelKey);
    expect(labels).toEqual(['tech_format', 'tech_container', 'tech_codes', 'tech_messages', 'tech_keyId', 'custom', 'tech_inputHash', 'tech_checkedAt', 'tech_didDocument']);
    expect(rows.find((r) => r.labelKey === 'tech_codes')!.value).toContain('proof: pass OK');
  });
});

describe('<CredentialDetails>', () => {
  it('shows the verdict, each check in plain language and the recipient result', () => {
    const report = makeReport('expired', {
      checks: [passCheck('proof'), passCheck('issuer-binding'), expiredCheck],
      recipient: { outcome: 'mismatch', identifierTypes: ['emailAddress'], message: '' },
    });
    const el = mount(<CredentialDetails report={report} />);
    expect(el.querySelector('[data-testid="credential-details"]')!.getAttribute('data-verdict')).toBe('expired');
    const checks = all(el, '[data-status]');
    expect(checks[0]!.getAttribute('data-code')).toBe('CRED_EXPIRED');
    expect(checks[0]!.textContent).toContain('Validity dates');
    // the date in the UI language, never the ISO string
    expect(checks[0]!.textContent).toContain('The credential expired on Jan 1, 2020');
    // issued to someone else is said with the verdict, in the badge, not on a line of its own
    const badge = el.querySelector('[data-testid="verdict-area"] [data-verdict]')!;
    expect(badge.getAttribute('data-recipient')).toBe('mismatch');
    expect(badge.querySelector('svg')!.getAttribute('aria-label')).toBe('Expired — but issued to someone else');
  });

  it('keeps technical details behind a toggle', () => {
    const el = mount(<CredentialDetails report={makeReport('verified')} />);
    expect(el.querySelector('[data-testid="technical-details"]')).toBeNull();
    const toggle = all(el, 'button').find((b) => b.textContent === 'Show technical details')!;
    fire(toggle, 'click');
    const details = el.querySelector('[data-testid="technical-details"]')!;
    expect(details.textContent).toContain('did:web:uni.example#key-1');
    expect(details.textContent).toContain('c0ffee');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the quality profile summary and the issuer panel apart from the verdict', () => {
    const el = mount(<CredentialDetails report={makeReport('verified')} />);
    expect(el.querySelector('[data-testid="quality-profile"] summary')!.textContent).toBe(
      // the issuer's own accreditation is stated, not checked (lib/qa/finish.ts)
      'Micro-credential profile: 11 of 11 EU elements · assessed · quality assurance stated, not checked',
    );
    const trust = el.querySelector('[data-testid="issuer-trust"]')!;
    expect(trust.textContent).toContain('Verified domain: uni.example');
    expect(trust.querySelector('[data-bound]')!.getAttribute('data-bound')).toBe('true');
  });

  it('offers "Trust this issuer" for the verified issuer id', () => {
    const onTrust = vi.fn();
    const el = mount(<CredentialDetails report={makeReport('verified')} onTrust={onTrust} onUntrust={() => undefined} />);
    fire(all(el, 'button').find((b) => b.textContent === 'Trust this issuer'), 'click');
    expect(onTrust).toHaveBeenCalledWith('did:web:uni.example', 'Universität Beispiel');
  });

  it('offers no trust action when the signer is not bound to the issuer', () => {
    const report = makeReport('failed', { checks: [passCheck('proof'), { id: 'issuer-binding', status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER', message: '' }] });
    const el = mount(<CredentialDetails report={report} onTrust={() => undefined} />);
    expect(all(el, 'button').some((b) => b.textContent === 'Trust this issuer')).toBe(false);
    expect(el.textContent).toContain('Who signed could not be established.');
    expect(el.textContent).toContain('the issuer’s own claim');
  });

  it('shows a trusted issuer as vouched for, with a remove action', () => {
    const entries = [{ issuerId: 'did:web:uni.example', addedAt: '2026-01-01T00:00:00Z', source: 'user' }];
    const onUntrust = vi.fn();
    const el = mount(<CredentialDetails report={makeReport('verified')} trustEntries={entries} onTrust={() => undefined} onUntrust={onUntrust} />);
    expect(el.querySelector('[data-voucher="trust-list"]')).not.toBeNull();
    fire(all(el, 'button').find((b) => b.textContent === 'Remove from my trust list'), 'click');
    expect(onUntrust).toHaveBeenCalledWith('did:web:uni.example');
  });

  it('loads the EDC profile on demand and then shows it', async () => {
    const report = makeReport('unverifiable', { format: 'edc', credential: { credentialSubject: { hasClaim: { title: 'Welding' } } } });
    const el = mount(<CredentialDetails report={report} />);
    await vi.waitFor(async () => {
      await settle();
      expect(el.querySelector('[data-testid="quality-profile"]')).not.toBeNull();
    });
    const summary = el.querySelector('[data-testid="quality-profile"] summary');
    expect(summary?.textContent).toMatch(/^Micro-credential profile: \d+ of 11 EU elements/);
  });

  it('shows no profile without a signed payload, nor for a failed credential', () => {
    const el = mount(<CredentialDetails report={makeReport('unverifiable', { credential: undefined })} />);
    expect(el.querySelector('[data-testid="quality-profile"]')).toBeNull();
    const failed = mount(<CredentialDetails report={makeReport('failed')} />);
    expect(failed.querySelector('[data-testid="quality-profile"]')).toBeNull();
    const unverifiable = mount(<CredentialDetails report={makeReport('unverifiable')} />);
    expect(unverifiable.querySelector('[data-testid="quality-profile"]')).not.toBeNull();
  });
});
