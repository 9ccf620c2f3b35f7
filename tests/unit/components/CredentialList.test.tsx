import { describe, expect, it, vi } from 'vitest';
import { all, fire, mount } from './dom';
import { found, makeReport, PNG } from './reports';
import { CredentialList } from '../../../components/CredentialList';
import { formatDate, rowModel } from '../../../components/CredentialRow/row-model';
import { VERDICTS } from '../../../lib/engine/report';

describe('rowModel', () => {
  it('takes facts from the signed summary once checked', () => {
    const row = rowModel(found('k1', makeReport('verified'), { label: 'page label' }));
    expect(row).toMatchObject({ key: 'k1', title: 'Data Literacy (verified)', issuer: 'Universität Beispiel', image: PNG, verdict: 'verified' });
    expect(row.issued).toBeDefined();
  });

  it('shows the page label while pending and never a remote image', () => {
    expect(rowModel(found('k2', undefined, { label: 'AWS Certified' }))).toMatchObject({ title: 'AWS Certified', verdict: 'pending', issuer: 'Issuer not stated' });
    const remote = makeReport('verified', { summary: { title: 'x', image: 'https://tracker.example/p.png' } });
    expect(rowModel(found('k3', remote)).image).toBeUndefined();
  });

  it('shows a recipient outcome only once one was checked', () => {
    expect(rowModel(found('a', makeReport('verified'))).recipient).toBeUndefined();
    const r = makeReport('verified', { recipient: { outcome: 'no-identifier', identifierTypes: [], message: '' } });
    expect(rowModel(found('b', r)).recipient).toBe('no-identifier');
  });

  it('formats dates and keeps unparseable ones as text', () => {
    expect(formatDate('2025-03-01T00:00:00Z', 'en')).toBe('Mar 1, 2025');
    expect(formatDate('sometime', 'en')).toBe('sometime');
  });
});

describe('<CredentialList>', () => {
  const items = [...VERDICTS.map((v) => found(`key-${v}`, makeReport(v))), found('key-pending')];

  it('renders one focusable row per credential with its verdict', () => {
    const el = mount(<CredentialList items={items} onOpen={() => undefined} />);
    const rows = all(el, '[data-testid="credential"]');
    expect(rows.map((r) => r.getAttribute('data-verdict'))).toEqual([...VERDICTS, 'pending']);
    expect(rows.every((r) => r.tagName === 'BUTTON')).toBe(true);
    // the accessible name is the content: the verdict is read once, through the icon's label
    expect(rows[4]!.hasAttribute('aria-label')).toBe(false);
    expect(rows[4]!.querySelector('svg')!.getAttribute('aria-label')).toBe('Could not be checked');
    expect(rows[4]!.textContent).toContain('Data Literacy (unverifiable)');
  });

  it('opens a credential by key', () => {
    const onOpen = vi.fn();
    const el = mount(<CredentialList items={items} onOpen={onOpen} />);
    fire(all(el, '[data-testid="credential"]')[2], 'click');
    expect(onOpen).toHaveBeenCalledWith('key-expired');
  });

  it('renders credential text as text, never as markup', () => {
    const hostile = makeReport('failed', { summary: { title: '<img src=x onerror=alert(1)>', issuer: { name: '<b>Evil</b>' } } });
    const el = mount(<CredentialList items={[found('h', hostile)]} onOpen={() => undefined} />);
    expect(el.querySelectorAll('img')).toHaveLength(0);
    expect(el.querySelector('b')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('rows of a profile: the page’s words, the reason a row was not checked, the claim against the credential', () => {
  const claim = { title: 'Advanced Research Data Management', issuer: 'Uni Example', issued: 'Jan 2024', link: 'https://uni.example/c/1' };

  it('a row that could not be checked shows the profile’s words, marked as such, and why', () => {
    const report = makeReport('unverifiable', { checks: [{ id: 'parse', status: 'error', code: 'NO_CREDENTIAL_LINK', message: '' }] });
    const row = rowModel(found('a', report, { claim }));
    expect(row).toMatchObject({ title: 'Advanced Research Data Management', issuer: 'Uni Example', source: 'page', reason: 'The profile lists this certification without a link to a credential, so there is nothing to check' });
  });

  it('a failed document’s title is its unconfirmed claim, never shown as the credential’s', () => {
    const row = rowModel(found('a', makeReport('failed')));
    expect(row).toMatchObject({ title: 'Data Literacy (failed)', source: 'unconfirmed' });
    expect(row.image).toBeUndefined();
  });

  it('a verified credential that is for another title says so, with both texts', () => {
    const row = rowModel(found('a', makeReport('verified'), { claim, comparison: { outcome: 'differs', fields: [{ field: 'title', claimed: claim.title, credential: 'Introduction to Research Data Management', agrees: false }] } }));
    expect(row).toMatchObject({ source: 'credential', comparison: { agrees: false, text: 'The profile says “Advanced Research Data Management”; the credential is for “Introduction to Research Data Management”' } });
  });
});
