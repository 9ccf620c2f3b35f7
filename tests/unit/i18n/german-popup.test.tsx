/**
 * The popup in German says nothing in English: the same tab results are
 * rendered with the English and the German table (setChosenMessages), the
 * page list and a credential's details, and every text and visible attribute
 * the English popup shows must be gone from the German one, except the
 * credential's own content, identifiers and the product's name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { all, fire, mount, unmount } from '../components/dom';
import { found, makeReport, tabResults } from '../components/reports';
import { PopupApp } from '../../../components/PopupApp';
import { loadInitial, type PopupApi } from '../../../components/PopupApp/api';
import { setChosenMessages } from '../../../lib/extension/i18n';
import type { TabResults } from '../../../lib/extension/tab-results';
import { credentialStrings, englishLeft, loadLocale, sameInBoth, shownTexts } from '../../support/ui-language';

const de = loadLocale('de');
const en = loadLocale('en');
const SAME_IN_BOTH = sameInBoth(en, de);

function api(results: TabResults): PopupApi {
  return {
    resolveTabId: async () => results.tabId,
    readTabUrl: async () => results.pageUrl,
    readResults: async () => results,
    watchResults: () => () => undefined,
    readTrust: async () => [],
    watchTrust: () => () => undefined,
    trust: async () => [],
    untrust: async () => [],
    send: async () => ({ ok: true }),
    popOut: async () => undefined,
    openVerifyPage: async () => undefined,
    hasSiteAccess: async () => false,
    requestSiteAccess: async () => false,
  };
}

/** A profile page with one credential of each verdict, a row that could not be read, and a claim compared. */
const results: TabResults = {
  ...tabResults(7, [
    found('verified', makeReport('verified', { recipient: { outcome: 'match', identifierTypes: ['emailAddress'], message: '' } })),
    found('expired', makeReport('expired', {
      checks: [{ id: 'validity', status: 'fail', code: 'CRED_EXPIRED', message: 'The credential expired on 2025-01-01', detail: { validUntil: '2025-01-01T00:00:00Z' } }],
    })),
    found('unread', makeReport('unverifiable', {
      checks: [{ id: 'status', status: 'error', code: 'FETCH_NETWORK', message: '', detail: { url: 'https://uni.example/status/3' } }],
    })),
    found('failed', makeReport('failed', { checks: [{ id: 'proof', status: 'fail', code: 'DI_SIGNATURE_INVALID', message: '' }] })),
    found('pending'),
  ]),
  profileName: 'Ada Lovelace',
};

/** A verified credential whose checks passed with the engine's own words, to open. */
const detailed = makeReport('verified', {
  checks: [
    { id: 'structure', status: 'pass', code: 'OK', message: 'Well-formed W3C credential (data model 2.0)' },
    { id: 'proof', status: 'pass', code: 'OK', message: 'Signature valid (eddsa-rdfc-2022)' },
    { id: 'issuer-binding', status: 'pass', code: 'OK', message: 'The signing key belongs to the issuer' },
    { id: 'validity', status: 'pass', code: 'OK', message: 'Valid, with no end date' },
    { id: 'status', status: 'skip', code: 'NOT_APPLICABLE', message: 'The issuer publishes no revocation status for this credential' },
  ],
});

async function render(table: unknown, open?: string): Promise<Set<string>> {
  setChosenMessages(table);
  const popupApi = api(open === 'detailed' ? { ...results, credentials: [found('detailed', detailed)] } : results);
  const el = mount(<PopupApp api={popupApi} initial={await loadInitial(popupApi)} query={open ? { key: open } : {}} history={() => null} />);
  // open the technical details too, so their labels are compared
  const technical = all(el, 'button').find((b) => b.getAttribute('aria-expanded') === 'false');
  if (open && technical) fire(technical, 'click');
  const texts = new Set(shownTexts(el));
  unmount(el);
  return texts;
}

afterEach(() => setChosenMessages(undefined));

describe('the German popup', () => {
  const allowed = credentialStrings(results, detailed);

  it.each([
    ['the page list', undefined],
    ['a verified credential with every check and its quality profile', 'verified'],
    ['checks that passed or were skipped with their own words', 'detailed'],
    ['an expired credential', 'expired'],
    ['a credential whose issuer did not answer', 'unread'],
    ['a failed credential', 'failed'],
  ])('shows none of the English popup’s words: %s', async (_, open) => {
    const english = await render(undefined, open);
    const german = await render(de, open);
    expect(english.size).toBeGreaterThan(5);
    expect(englishLeft(english, german, allowed, SAME_IN_BOTH)).toEqual([]);
  });

  it('is in German, not just different (a check of the comparison itself)', async () => {
    const german = await render(de, 'verified');
    expect(german).toContain('Bestätigt');
    expect(german).toContain('Was geprüft wurde');
    const english = await render(undefined, 'verified');
    expect(english).toContain('Verified');
  });
});
