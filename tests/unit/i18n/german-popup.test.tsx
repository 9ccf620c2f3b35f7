/**
 * The popup in German says nothing in English: the same tab results are
 * rendered with the English and the German table (setChosenMessages), the
 * page list and a credential's details, and every text and visible attribute
 * the English popup shows must be gone from the German one, except the
 * credential's own content, identifiers and the product's name.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { all, fire, mount, unmount } from '../components/dom';
import { found, makeReport, tabResults } from '../components/reports';
import { PopupApp } from '../../../components/PopupApp';
import { loadInitial, type PopupApi } from '../../../components/PopupApp/api';
import { setChosenMessages } from '../../../lib/extension/i18n';
import type { TabResults } from '../../../lib/extension/tab-results';
import { repoPath } from '../../support/fixtures';

type Table = Record<string, { message: string }>;
const load = (lang: string): Table => JSON.parse(readFileSync(repoPath(`public/_locales/${lang}/messages.json`), 'utf8')) as Table;
const de = load('de');
const en = load('en');

/** Texts the two languages write alike ("Format", "$1 ECTS"): the locale files hold them the same on purpose. */
const SAME_IN_BOTH = Object.keys(en)
  .filter((key) => de[key]?.message === en[key]!.message)
  .map((key) => new RegExp(`^${en[key]!.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$[1-9]/g, '.+')}$`));

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

const VISIBLE_ATTRIBUTES = ['title', 'aria-label', 'placeholder', 'alt'];

/** Every text node and visible attribute, trimmed, that holds a letter; codes and JSON (`code`, `pre`) are values, not words. */
function shownTexts(root: Element): Set<string> {
  const out = new Set<string>();
  const walk = (node: Node): void => {
    if (node.nodeType === 1 && ['CODE', 'PRE'].includes((node as Element).tagName)) return;
    if (node.nodeType === 3) {
      const text = node.textContent?.trim() ?? '';
      if (/\p{L}/u.test(text)) out.add(text);
    }
    if (node.nodeType === 1) {
      for (const name of VISIBLE_ATTRIBUTES) {
        const value = (node as Element).getAttribute(name)?.trim();
        if (value && /\p{L}/u.test(value)) out.add(value);
      }
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

/** Every string the reports carry: what the credential says is shown as it says it, in any UI language. */
function credentialStrings(...values: unknown[]): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v.trim());
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return out;
}

/** Not words of the UI: the product's name, identifiers and addresses, check codes. */
const isLanguageFree = (text: string): boolean =>
  text === 'Credlens' || (!/\s/.test(text) && /[:/@#]/.test(text)) || /^[A-Z0-9_]+$/.test(text) || /^[\d\s.,:/·→↗×–-]+$/.test(text);

async function render(table: unknown, open?: string): Promise<Set<string>> {
  setChosenMessages(table);
  const popupApi = api(open === 'detailed' ? { ...results, credentials: [found('detailed', detailed)] } : results);
  const el = mount(<PopupApp api={popupApi} initial={await loadInitial(popupApi)} query={open ? { key: open } : {}} history={() => null} />);
  // open the technical details too, so their labels are compared
  const technical = all(el, 'button').find((b) => b.getAttribute('aria-expanded') === 'false');
  if (open && technical) fire(technical, 'click');
  const texts = shownTexts(el);
  unmount(el);
  return texts;
}

afterEach(() => setChosenMessages(undefined));

describe('the German popup', () => {
  const allowed = credentialStrings(results, detailed);
  const englishLeft = (english: Set<string>, german: Set<string>) =>
    [...english].filter((text) => german.has(text) && !allowed.has(text) && !isLanguageFree(text) && !SAME_IN_BOTH.some((same) => same.test(text)));

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
    expect(englishLeft(english, german)).toEqual([]);
  });

  it('is in German, not just different (a check of the comparison itself)', async () => {
    const german = await render(de, 'verified');
    expect(german).toContain('Bestätigt');
    expect(german).toContain('Was geprüft wurde');
    const english = await render(undefined, 'verified');
    expect(english).toContain('Verified');
  });
});
