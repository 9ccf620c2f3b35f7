/**
 * Applies the language chosen on the options page to an extension page,
 * before its first render, and to the service worker (its menu, its history
 * lines and messages), whenever the setting changes. The browser's `i18n.getMessage` only ever answers
 * in the browser's language, so the chosen translation's messages.json is
 * read from the extension's own package and handed to lib/extension/i18n.ts.
 *
 * The popup imports this too, so it reads the raw stored settings rather
 * than lib/extension/settings.ts: zod must stay out of the popup bundle (SECURITY.md
 * budgets: popup). Nothing is read when the setting is 'auto' or unreadable.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { isUiLocale, setChosenMessages, type UiLocale } from './i18n';
import { fetchOwnResource } from '../engine';

/** The chosen UI language from a stored settings object; undefined for 'auto', missing or invalid. */
export function chosenLanguage(storedSettings: unknown): UiLocale | undefined {
  const language = (storedSettings as { language?: unknown } | null | undefined)?.language;
  return isUiLocale(language) ? language : undefined;
}

/** Reads one packaged messages.json through the network module, which fetches only under the extension's own root. */
async function readPackagedMessages(locale: UiLocale): Promise<unknown> {
  const url = browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/popup.html');
  const bytes = await fetchOwnResource(url, browser.runtime.getURL('/' as '/popup.html'));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Loads the chosen translation when the setting names one, else goes back to
 * the browser's language. Never throws: on any failure the page simply stays
 * in the language it had.
 *
 * @param read where messages.json comes from (tests pass their own)
 */
export async function applyChosenLanguage(read: (locale: UiLocale) => Promise<unknown> = readPackagedMessages): Promise<UiLocale | undefined> {
  try {
    const locale = chosenLanguage(await storage.getItem<unknown>('local:settings'));
    // 'auto' again (the service worker hears every change): back to the browser's language
    if (!locale) {
      setChosenMessages(undefined);
      return undefined;
    }
    setChosenMessages(await read(locale));
    return locale;
  } catch {
    return undefined;
  }
}
