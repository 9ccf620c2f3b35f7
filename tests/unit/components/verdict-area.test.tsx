/**
 * The details and rows as a recruiter reads them: the verified verdict
 * explained by its evidence; "not authentic" with its reason; what a
 * credential that did not verify says marked "claimed, not confirmed";
 * input that is not a credential shown as such, neutrally, with no issuer
 * panel; "issued to someone else" said in the badge; when revocation was
 * checked; Escape back to the list; the recipient cleared.
 */
import { describe, expect, it, vi } from 'vitest';
import { all, fire, mount, settle } from './dom';
import { found, makeReport, passCheck, tabResults } from './reports';
import { CredentialDetails } from '../../../components/CredentialDetails';
import { CredentialRow } from '../../../components/CredentialRow';
import { PageView } from '../../../components/PageView';
import { RecipientForm } from '../../../components/RecipientForm';
import { VerdictBadge } from '../../../components/VerdictBadge';
import type { Report } from '../../../lib/engine/report';

const text = (el: Element, selector: string) => el.querySelector(selector)?.textContent ?? '';
const hosted = (): Report =>
  makeReport('verified', {
    format: 'ob2-hosted',
    checks: [passCheck('structure'), passCheck('hosted'), passCheck('validity')],
    technical: {},
    credential: { assertion: { id: 'https://api.credly.com/v1/obi/v2/badge_assertions/1' }, badgeClass: {}, issuer: {} },
  });
const notJson = (): Report =>
  makeReport('failed', {
    format: 'unknown',
    checks: [{ id: 'parse', status: 'fail', code: 'INPUT_UNPARSEABLE', message: '', detail: { reason: 'Unexpected token h in JSON at position 1' } }, { id: 'proof', status: 'skip', code: 'SKIPPED', message: '' }],
    summary: {},
    technical: {},
    credential: undefined,
  });

describe('bug: "Verified" always said "the signature is intact and belongs to the issuer named"', () => {
  it('a hosted Open Badge 2.0 says its issuer’s server confirms it, and claims no signature', () => {
    const el = mount(<CredentialDetails report={hosted()} />);
    const explanation = text(el, '[data-testid="verdict-explanation"]');
    expect(explanation).toBe('The issuer’s server (api.credly.com) confirms this badge is on record. The badge itself carries no signature.');
    expect(el.textContent).not.toContain('The signature is intact and belongs to the issuer named');
  });

  it('a did:web credential names the domain of the issuer’s key', () => {
    const el = mount(<CredentialDetails report={makeReport('verified', { technical: { keySource: 'did:web', keyId: 'did:web:uni.example#key-1' } })} />);
    expect(text(el, '[data-testid="verdict-explanation"]')).toBe('Signed with a key the issuer publishes at uni.example, and unchanged since.');
  });
});

describe('bug: forged content looked like genuine content', () => {
  it('"Not authentic" with the reason under it, and the title, issuer and description marked as claimed', () => {
    const forged = makeReport('failed', {
      checks: [passCheck('structure'), { id: 'proof', status: 'fail', code: 'DI_SIGNATURE_INVALID', message: '' }],
      summary: { title: 'Data Literacy', description: 'Awarded for excellence', issuer: { name: 'Universität Beispiel' } },
    });
    const el = mount(<CredentialDetails report={forged} />);
    expect(el.querySelector('[data-testid="verdict-area"] svg')!.getAttribute('aria-label')).toBe('Not authentic');
    expect(text(el, '[data-testid="verdict-reason"]')).toBe('The signature does not match the content: the credential was changed after it was signed, or signed by another key');
    expect(text(el, '[data-testid="claimed-label"]')).toBe('Claimed in the document, not confirmed');
    expect(el.querySelector('header')!.getAttribute('data-content')).toBe('claimed');
    expect(el.querySelector('h2')!.className).toContain('claimed');
    expect(el.querySelector('header img')).toBeNull(); // the forger's picture is not shown as the credential's
  });

  it('a verified credential has no "claimed" label', () => {
    const el = mount(<CredentialDetails report={makeReport('verified')} />);
    expect(el.querySelector('[data-testid="claimed-label"]')).toBeNull();
    expect(el.querySelector('header')!.getAttribute('data-content')).toBe('confirmed');
    expect(el.querySelector('[data-testid="issuer-trust"]')).not.toBeNull();
  });
});

describe('a certification whose credential could not be read', () => {
  it('keeps the page’s own title and issuer at the top, marked "as the profile says", with the plain reason', () => {
    const silent = makeReport('unverifiable', {
      format: 'unknown',
      checks: [{ id: 'parse', status: 'error', code: 'FETCH_TIMEOUT', message: '', detail: { url: 'https://badges.example.edu/a/1' } }],
      summary: {},
      technical: {},
      credential: undefined,
    });
    const el = mount(<CredentialDetails report={silent} pageClaim={{ title: 'Cloud Practitioner', issuer: 'Example University' }} />);
    expect(el.querySelector('header')!.getAttribute('data-content')).toBe('page');
    expect(text(el, '[data-testid="claimed-label"]')).toBe('as the profile says');
    expect(text(el, 'h2')).toBe('Cloud Practitioner');
    expect(el.querySelector('header')!.textContent).toContain('Example University');
    expect(text(el, '[data-testid="verdict-reason"]')).toBe('The server at badges.example.edu did not answer in time');
  });
});

describe('bug: pasted nonsense got a red "Failed" with a raw parser message, a plain PNG an empty issuer panel', () => {
  it('is "Not a credential", neutral, with a plain reason and no issuer panel', () => {
    const el = mount(<CredentialDetails report={notJson()} />);
    const badge = el.querySelector('[data-testid="verdict-area"] [data-verdict]')!;
    expect(badge.getAttribute('data-verdict')).toBe('not-credential');
    expect(badge.className).toContain('neutral');
    expect(badge.textContent).toContain('Not a credential');
    expect(text(el, '[data-testid="verdict-reason"]')).toBe('The input could not be read');
    expect(el.querySelector('[data-testid="issuer-trust"]')).toBeNull();
    expect(el.textContent).not.toMatch(/Unexpected token|position 1/);
    expect(el.querySelector('[data-testid="credential-details"]')!.getAttribute('data-verdict')).toBe('failed');
  });

  it('a row for it shows the neutral badge too', () => {
    const el = mount(<CredentialRow item={found('x', notJson(), { label: 'pasted text' })} onOpen={() => undefined} />);
    expect(el.querySelector('[data-testid="credential"]')!.getAttribute('data-display')).toBe('not-credential');
    expect(el.querySelector('[data-verdict="not-credential"]')).not.toBeNull();
  });
});

describe('bug: "Issued to someone else" sat under a green "Verified"', () => {
  it('is said in the badge, with the verdict, in a warning style: in the details and in the row', () => {
    const report = makeReport('verified', { recipient: { outcome: 'mismatch', identifierTypes: ['emailAddress'], message: '' } });
    const details = mount(<CredentialDetails report={report} />);
    const badge = details.querySelector('[data-testid="verdict-area"] [data-verdict]')!;
    expect(badge.querySelector('svg')!.getAttribute('aria-label')).toBe('Verified — but issued to someone else');
    expect(badge.className).toContain('otherRecipient');
    expect(all(details, '[data-recipient]')).toHaveLength(1);
    const row = mount(<CredentialRow item={found('r', report)} onOpen={() => undefined} />);
    expect(row.querySelector('[data-recipient]')!.textContent).toContain('Verified — but issued to someone else');
  });
});

describe('when revocation was checked', () => {
  it('the details say "Revocation checked at" the time the list was read, in the UI language', () => {
    const at = '2026-12-05T14:03:00.000Z';
    const report = makeReport('verified', { checks: [passCheck('proof'), { ...passCheck('status'), detail: { url: 'https://uni.example/status/1', checkedAt: at } }] });
    const el = mount(<CredentialDetails report={report} />);
    const line = el.querySelector('[data-testid="status-checked-at"] time')!;
    expect(line.getAttribute('datetime')).toBe(at);
    expect(line.textContent).toMatch(/^Revocation checked at .*2026/);
  });
});

describe('the popup list', () => {
  const props = (over: Partial<Parameters<typeof PageView>[0]> = {}): Parameters<typeof PageView>[0] => ({
    status: 'ready',
    results: tabResults(1, [found('a', makeReport('verified'))]),
    selectedKey: 'a',
    onSelect: vi.fn(),
    scan: 'idle',
    onScan: () => undefined,
    onRecipient: () => undefined,
    onRecheck: vi.fn(),
    trustEntries: [],
    onTrust: () => undefined,
    onUntrust: () => undefined,
    ...over,
  });

  it('Escape closes the details, back to the list', () => {
    const p = props();
    mount(<PageView {...p} />);
    fire(document.body, 'keydown', { key: 'Escape' });
    expect(p.onSelect).toHaveBeenCalledWith(undefined);
  });

  it('a verified credential can be checked again now, read anew', () => {
    const p = props();
    const el = mount(<PageView {...p} />);
    fire(el.querySelector('[data-testid="check-again"]'), 'click');
    expect(p.onRecheck).toHaveBeenCalledWith('a');
  });

  it('the recipient can be cleared once one was checked', async () => {
    const onClear = vi.fn();
    const report = makeReport('verified', { recipient: { outcome: 'match', identifierTypes: ['emailAddress'], message: '' } });
    const el = mount(<PageView {...props({ selectedKey: undefined, results: tabResults(1, [found('a', report)]), onClearRecipient: onClear })} />);
    await settle();
    fire(el.querySelector('[data-testid="recipient-clear"]'), 'click');
    expect(onClear).toHaveBeenCalled();
  });
});

describe('<RecipientForm> Clear', () => {
  it('is offered only with something to clear, and empties the field', () => {
    const onClear = vi.fn();
    const el = mount(<RecipientForm onSubmit={() => undefined} onClear={onClear} />);
    expect(el.querySelector('[data-testid="recipient-clear"]')).toBeNull();
    const input = el.querySelector('input')!;
    input.value = 'ada@example.org';
    fire(input, 'input');
    fire(el.querySelector('[data-testid="recipient-clear"]'), 'click');
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(el.querySelector('input')!.value).toBe('');
  });
});

describe('<VerdictBadge>', () => {
  it('"not a credential" is neither the failed nor the could-not-be-checked badge', () => {
    const el = mount(<VerdictBadge verdict="not-credential" />);
    expect(el.querySelector('svg')!.getAttribute('aria-label')).toBe('Not a credential');
    expect(el.querySelector('[data-verdict]')!.className).not.toMatch(/\bbad\b|unknown/);
  });
});
