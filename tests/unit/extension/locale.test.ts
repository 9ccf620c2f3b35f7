/**
 * lib/extension/locale.ts: the language stored by the options page (through
 * lib/extension/settings.ts) is loaded before a page renders; 'auto', junk and read
 * failures leave the browser's language in place.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyChosenLanguage, chosenLanguage } from '../../../lib/extension/locale';
import { setChosenMessages, t, uiLanguage, type UiLocale } from '../../../lib/extension/i18n';
import { updateSettings } from '../../../lib/extension/settings';
import { repoPath } from '../../support/fixtures';

const packaged = (locale: UiLocale): unknown =>
  JSON.parse(readFileSync(path.join(repoPath('public/_locales'), locale, 'messages.json'), 'utf8'));

beforeEach(() => fakeBrowser.reset());
afterEach(() => setChosenMessages(undefined));

describe('chosenLanguage', () => {
  it('reads a shipped translation from the stored settings, nothing else', () => {
    expect(chosenLanguage({ language: 'de' })).toBe('de');
    expect(chosenLanguage({ language: 'auto' })).toBeUndefined();
    expect(chosenLanguage({ language: 'xx' })).toBeUndefined();
    expect(chosenLanguage(null)).toBeUndefined();
    expect(chosenLanguage('de')).toBeUndefined();
  });
});

describe('applyChosenLanguage', () => {
  it('loads the translation saved on the options page', async () => {
    await updateSettings({ language: 'de' });
    const read = vi.fn(async (locale: UiLocale) => packaged(locale));
    expect(await applyChosenLanguage(read)).toBe('de');
    expect(read).toHaveBeenCalledWith('de');
    expect(t('verdict_unverifiable')).toBe('Konnte nicht geprüft werden');
    expect(uiLanguage()).toBe('de');
  });

  it('reads nothing for "auto" or when nothing is stored', async () => {
    const read = vi.fn(async (locale: UiLocale) => packaged(locale));
    expect(await applyChosenLanguage(read)).toBeUndefined();
    await updateSettings({ language: 'auto' });
    expect(await applyChosenLanguage(read)).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
    expect(t('verdict_unverifiable')).toBe('Could not be checked');
  });

  it('stays in the browser language when the translation cannot be read', async () => {
    await updateSettings({ language: 'fr' });
    expect(await applyChosenLanguage(async () => Promise.reject(new Error('missing file')))).toBeUndefined();
    expect(t('verdict_unverifiable')).toBe('Could not be checked');
  });
});
