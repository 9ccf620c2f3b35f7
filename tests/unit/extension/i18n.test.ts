/**
 * The language chosen in the settings: its messages.json table is asked
 * first, then the browser's translation, then English, then the key itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { isUiLocale, setChosenMessages, substitute, t, uiLanguage } from '../../../lib/extension/i18n';
import { repoPath } from '../../support/fixtures';

type Table = Record<string, { message: string }>;
const load = (lang: string): Table =>
  JSON.parse(readFileSync(path.join(repoPath('public/_locales'), lang, 'messages.json'), 'utf8')) as Table;
const de = load('de');
const fr = load('fr');

/** The browser answering in German, as `getMessage` does for a German browser. */
const germanBrowser = () =>
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) => substitute(de[key]?.message ?? '', subs ?? [])) as never);

afterEach(() => {
  setChosenMessages(undefined);
  vi.restoreAllMocks();
});

describe('t() with a chosen language', () => {
  it('uses the chosen translation with $n substitutions, over the browser language', () => {
    germanBrowser();
    expect(t('issuedOn', '2025-03-01')).toBe('Ausgestellt am 2025-03-01');
    setChosenMessages(fr);
    expect(t('issuedOn', '2025-03-01')).toBe('Délivré le 2025-03-01');
  });

  it('fills every $n and $$ like getMessage', () => {
    setChosenMessages({ pair: { message: '$2 vor $1, $$5' }, missing: { message: 'a $3 b' } });
    expect(t('pair', 'eins', 2)).toBe('2 vor eins, $5');
    expect(t('missing', 'x')).toBe('a  b');
  });

  it('falls back to the browser, then English, then the key', () => {
    germanBrowser();
    setChosenMessages({ verdict_verified: { message: 'Vérifié (choisi)' } });
    expect(t('verdict_verified')).toBe('Vérifié (choisi)');
    expect(t('verdict_unverifiable')).toBe('Konnte nicht geprüft werden'); // not in the chosen table: browser
    vi.restoreAllMocks();
    expect(t('verdict_unverifiable')).toBe('Could not be checked'); // no browser translation: English
    expect(t('no_such_key')).toBe('no_such_key');
  });

  it('ignores malformed entries and goes back to the browser language when cleared', () => {
    setChosenMessages({ verdict_verified: { message: 42 }, verdict_failed: null, verdict_revoked: { message: '' } });
    expect(t('verdict_verified')).toBe('Verified');
    expect(t('verdict_revoked')).toBe('Revoked');
    setChosenMessages(fr);
    expect(t('verdict_verified')).toBe(fr.verdict_verified!.message);
    setChosenMessages('not a table');
    expect(t('verdict_verified')).toBe('Verified');
  });

  it('names the chosen translation as the UI language', () => {
    germanBrowser();
    expect(uiLanguage()).toBe('de');
    setChosenMessages(fr);
    expect(uiLanguage()).toBe('fr');
  });
});

describe('isUiLocale', () => {
  it('accepts exactly the shipped translations', () => {
    for (const ok of ['en', 'de', 'fr']) expect(isUiLocale(ok)).toBe(true);
    for (const bad of ['auto', 'es', '', undefined, null, 1, 'EN']) expect(isUiLocale(bad)).toBe(false);
  });
});
