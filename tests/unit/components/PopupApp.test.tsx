import { afterEach, describe, expect, it, vi } from 'vitest';
import { all, fire, mount, settle } from './dom';
import { found, makeReport, tabResults } from './reports';
import { PopupApp } from '../../../components/PopupApp';
import { asTabResults, loadInitial, readQuery, type PopupApi } from '../../../components/PopupApp/api';
import type { TabResults } from '../../../lib/extension/tab-results';
import type { TrustEntry } from '../../../lib/trust/types';

/** An in-memory PopupApi: results per tab, a trust list, and a record of what was sent. */
function fakeApi(opts: { tabId?: number; tabUrl?: string; results?: TabResults; reply?: unknown; siteAccess?: boolean; grant?: boolean } = {}) {
  const listeners: Array<(r: TabResults | undefined) => void> = [];
  let trust: TrustEntry[] = [];
  const api: PopupApi & { push(r: TabResults): void } = {
    resolveTabId: async () => opts.tabId,
    readTabUrl: async () => opts.tabUrl,
    readResults: async () => opts.results,
    watchResults: (_tabId, cb) => {
      listeners.push(cb);
      return () => listeners.splice(listeners.indexOf(cb), 1);
    },
    readTrust: async () => trust,
    watchTrust: () => () => undefined,
    trust: async (issuerId, name) => (trust = [...trust, { issuerId, ...(name ? { name } : {}), addedAt: '2026-01-01T00:00:00Z', source: 'user' }]),
    untrust: async (issuerId) => (trust = trust.filter((e) => e.issuerId !== issuerId)),
    send: vi.fn(async () => opts.reply ?? { ok: true }),
    popOut: vi.fn(async () => undefined),
    openVerifyPage: vi.fn(async () => undefined),
    hasSiteAccess: async () => opts.siteAccess ?? true,
    requestSiteAccess: vi.fn(async () => opts.grant ?? false),
    push: (r) => listeners.forEach((cb) => cb(r)),
  };
  return api;
}

const rows = (el: Element) => all(el, '[data-testid="credential"]');

describe('readQuery and asTabResults', () => {
  it('reads ?tab= and ?key= and ignores junk', () => {
    expect(readQuery('?tab=42&key=abc')).toEqual({ tabId: 42, key: 'abc' });
    expect(readQuery('?tab=-1')).toEqual({});
    expect(readQuery('?tab=1e3')).toEqual({});
    expect(readQuery('')).toEqual({});
  });

  it('accepts only results of the requested tab', () => {
    const r = tabResults(7, []);
    expect(asTabResults(r, 7)).toBe(r);
    expect(asTabResults(r, 8)).toBeUndefined();
    expect(asTabResults({ tabId: 7 }, 7)).toBeUndefined();
    expect(asTabResults('x', 7)).toBeUndefined();
  });
});

describe('<PopupApp>', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('renders stored results on first paint and patches live updates', async () => {
    const api = fakeApi({ tabId: 3, results: tabResults(3, [found('a')]) });
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} history={() => <p>history</p>} />);
    expect(rows(el).map((r) => r.getAttribute('data-verdict'))).toEqual(['pending']);
    api.push(tabResults(3, [found('a', makeReport('verified')), found('b', makeReport('unverifiable'))]));
    await settle();
    // problems first: what could not be checked before what verified
    expect(rows(el).map((r) => r.getAttribute('data-verdict'))).toEqual(['unverifiable', 'verified']);
    expect(el.querySelector('[role="status"]')!.textContent).toBe('2 credentials on this page · 1 verified · 1 cannot be checked');
    api.push({ ...tabResults(3, [found('a', makeReport('verified'))]), profileName: 'Ada Lovelace' });
    await settle();
    expect(el.textContent).toContain('Profile of Ada Lovelace');
  });

  it('loads by itself when no initial state is given', async () => {
    const el = mount(<PopupApp api={fakeApi({ tabId: 3, results: tabResults(3, [found('a', makeReport('revoked'))]) })} history={() => null} />);
    expect(el.textContent).toContain('Loading results…');
    await settle();
    expect(rows(el).map((r) => r.getAttribute('data-verdict'))).toEqual(['revoked']);
  });

  it('says so when there is no tab', async () => {
    const api = fakeApi({});
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} history={() => null} />);
    expect(el.textContent).toContain('There is no page to check in this window.');
  });

  it('offers "Scan this page" when nothing was found and sends tab/scan', async () => {
    const api = fakeApi({ tabId: 9, results: tabResults(9, []) });
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} history={() => null} />);
    expect(el.querySelector('[data-testid="empty"]')!.textContent).toContain('No credentials were found on this page yet.');
    fire(all(el, 'button').find((b) => b.textContent === 'Scan this page'), 'click');
    expect(api.send).toHaveBeenCalledWith({ type: 'tab/scan', tabId: 9 });
    expect(el.querySelector('[role="status"]')!.textContent).toBe('Looking for credentials on this page…');
    await settle();
    expect(el.querySelector('[role="status"]')!.textContent).toBe('');
  });

  it('reports a refused scan', async () => {
    const api = fakeApi({ tabId: 9, results: tabResults(9, []), reply: { ok: false, code: 'MSG_INVALID' } });
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} history={() => null} />);
    fire(all(el, 'button').find((b) => b.textContent === 'Scan this page'), 'click');
    await settle();
    expect(el.querySelector('[role="status"]')!.textContent).toBe('This page could not be scanned.');
  });

  it('opens details from a row and from ?key=, and goes back', async () => {
    // linkedom has no focus model: record what the popup focuses
    const focused: HTMLElement[] = [];
    vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
      focused.push(this);
    });
    const api = fakeApi({ tabId: 1, results: tabResults(1, [found('a', makeReport('verified')), found('b', makeReport('failed'))]) });
    const initial = await loadInitial(api);
    const el = mount(<PopupApp api={api} initial={initial} history={() => null} />);
    fire(rows(el).find((r) => r.getAttribute('data-key') === 'b'), 'click');
    expect(el.querySelector('[data-testid="credential-details"]')!.getAttribute('data-verdict')).toBe('failed');
    expect(focused.at(-1)?.tagName).toBe('H2');
    fire(all(el, 'button').find((b) => b.textContent?.includes('Back to the list')), 'click');
    expect(rows(el)).toHaveLength(2);
    expect(focused.at(-1)?.getAttribute('data-key')).toBe('b');
    const direct = mount(<PopupApp api={api} initial={initial} query={{ key: 'a' }} history={() => null} />);
    expect(direct.querySelector('[data-testid="credential-details"]')!.getAttribute('data-verdict')).toBe('verified');
  });

  it('sends the recipient for the tab', async () => {
    const api = fakeApi({ tabId: 5, results: tabResults(5, [found('a', makeReport('verified'))]) });
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} history={() => null} />);
    const input = el.querySelector('input')!;
    input.value = 'https://ada.example/';
    fire(input, 'input');
    fire(el.querySelector('form'), 'submit');
    expect(api.send).toHaveBeenCalledWith({ type: 'tab/recipient', tabId: 5, recipient: { url: 'https://ada.example/' } });
  });

  it('pops out with the tab id, and hides the button once popped out', async () => {
    const api = fakeApi({ tabId: 12, results: tabResults(12, []) });
    const initial = await loadInitial(api);
    const el = mount(<PopupApp api={api} initial={initial} history={() => null} />);
    fire(all(el, 'button').find((b) => b.textContent?.startsWith('Pop out')), 'click');
    expect(api.popOut).toHaveBeenCalledWith(12, undefined);
    const popped = mount(<PopupApp api={api} initial={initial} query={{ tabId: 12 }} history={() => null} />);
    expect(all(popped, 'button').some((b) => b.textContent?.startsWith('Pop out'))).toBe(false);
  });

  it('switches between "This page" and "History" by click and arrow keys', async () => {
    const api = fakeApi({ tabId: 1, results: tabResults(1, []) });
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} history={() => <p data-testid="history">history</p>} />);
    const tabs = all(el, '[role="tab"]');
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    fire(tabs[1], 'click');
    expect(el.querySelector('[data-testid="history"]')).not.toBeNull();
    fire(all(el, '[role="tab"]')[1], 'keydown', { key: 'ArrowLeft' });
    expect(el.querySelector('[data-testid="history"]')).toBeNull();
    expect(all(el, '[role="tab"]')[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('adds the verified issuer to the trust list from the details', async () => {
    const api = fakeApi({ tabId: 1, results: tabResults(1, [found('a', makeReport('verified'))]) });
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} query={{ key: 'a' }} history={() => null} />);
    fire(all(el, 'button').find((b) => b.textContent === 'Trust this issuer'), 'click');
    await settle();
    expect(await api.readTrust()).toMatchObject([{ issuerId: 'did:web:uni.example' }]);
    expect(el.querySelector('[data-voucher="trust-list"]')).not.toBeNull();
  });

  it('opens the verify page from the footer, on every view', async () => {
    const api = fakeApi({ tabId: 1, tabUrl: 'https://example.org/cv.html', results: tabResults(1, []) });
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} history={() => <p>history</p>} />);
    expect(el.querySelector('[data-testid="pdf-offer"]')).toBeNull();
    expect(all(el, 'button').some((b) => b.textContent === 'Scan this page')).toBe(true);
    fire(all(el, '[role="tab"]')[1], 'click');
    fire(all(el, 'button').find((b) => b.textContent?.startsWith('Verify a file or link')), 'click');
    expect(api.openVerifyPage).toHaveBeenCalledWith();
  });

  it('offers "Scan this PDF" on a PDF tab and opens the verify page on that PDF', async () => {
    const pdf = 'https://uni.example/diplomas/Ada%20Lovelace.pdf';
    const api = fakeApi({ tabId: 4, tabUrl: pdf, results: tabResults(4, []) });
    const initial = await loadInitial(api);
    expect(initial.tabUrl).toBe(pdf);
    const el = mount(<PopupApp api={api} initial={initial} history={() => <p>history</p>} />);
    expect(el.querySelector('[data-testid="pdf-offer"]')!.textContent).toContain('This tab shows a PDF.');
    // the PDF viewer runs no content script: scanning the page in place is not offered
    expect(all(el, 'button').some((b) => b.textContent === 'Scan this page')).toBe(false);
    fire(all(el, 'button').find((b) => b.textContent === 'Scan this PDF'), 'click');
    expect(api.openVerifyPage).toHaveBeenCalledWith(pdf);
    // the offer belongs to "This page", not to the history
    fire(all(el, '[role="tab"]')[1], 'click');
    expect(el.querySelector('[data-testid="pdf-offer"]')).toBeNull();
  });

  it('still opens when the tab address cannot be read', async () => {
    const api = { ...fakeApi({ tabId: 2, results: tabResults(2, []) }), readTabUrl: async () => Promise.reject(new Error('no access')) };
    const initial = await loadInitial(api);
    expect(initial).toMatchObject({ tabId: 2 });
    expect(initial.tabUrl).toBeUndefined();
  });
});

describe('a row that could not be checked can be checked again, and a site that sends no permission can be allowed', () => {
  const unread = makeReport('unverifiable', { checks: [{ id: 'parse', status: 'error', code: 'FETCH_NETWORK', message: '', detail: { url: 'https://uni.example/c/1' } }] });

  it('offers "Allow Credlens to read issuer sites" without the permission; granted, it checks again', async () => {
    const api = fakeApi({ tabId: 4, results: tabResults(4, [found('a', unread), found('b', makeReport('verified'))]), siteAccess: false, grant: true });
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} history={() => null} />);
    await settle();
    expect(el.querySelector('[data-testid="unread"]')!.textContent).toContain('do not let an extension read them without your permission');
    fire(el.querySelector('[data-testid="allow-sites"]'), 'click');
    await settle();
    expect(api.requestSiteAccess).toHaveBeenCalled();
    expect(api.send).toHaveBeenCalledWith({ type: 'tab/recheck', tabId: 4 });
  });

  it('with the permission, offers "Try again" for the page, and for one row in its details', async () => {
    const api = fakeApi({ tabId: 4, results: tabResults(4, [found('a', unread)]), siteAccess: true });
    const el = mount(<PopupApp api={api} initial={await loadInitial(api)} history={() => null} />);
    await settle();
    fire(el.querySelector('[data-testid="retry-all"]'), 'click');
    expect(api.send).toHaveBeenCalledWith({ type: 'tab/recheck', tabId: 4 });
    fire(rows(el)[0], 'click');
    fire(el.querySelector('[data-testid="retry"]'), 'click');
    expect(api.send).toHaveBeenCalledWith({ type: 'tab/recheck', tabId: 4, key: 'a' });
  });
});

