/**
 * The popup as a recruiter sees it, 400×600, on the demo profile's list: in
 * English, German and French, light and dark. Six pictures in
 * test-results/screenshots/ for review, a check that each was written, in its
 * language, at that size, and that the German and French popups show none of
 * the English popup's words (the credentials' own content aside).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, readTabResults, SCREENSHOT_DIR, test } from './fixtures';
import { openAndWaitForVerdicts } from './flow';
import type { TabResults } from '../../lib/extension/tab-results';
import { credentialStrings, englishLeft, loadLocale, sameInBoth, shownTexts } from '../support/ui-language';

const LANGUAGES = { en: 'History', de: 'Verlauf', fr: 'Historique' } as const;
const SCHEMES = ['light', 'dark'] as const;
const shotPath = (lang: string, scheme: string) => path.join(SCREENSHOT_DIR, `popup-400x600-${lang}-${scheme}.png`);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('popup screenshots at 400×600 in en, de and fr, light and dark, with the demo profile’s list', async ({ page, world, serviceWorker, context, extensionId }) => {
  const count = world.expected.filter((e) => e.page === world.pages.profile).length;
  const tabId = await openAndWaitForVerdicts(page, serviceWorker, world.pages.profile, count);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // what each language's popup shows, on the list and in the first credential's details
  const shown: Record<string, Set<string>> = {};
  for (const [lang, historyTab] of Object.entries(LANGUAGES)) {
    for (const scheme of SCHEMES) fs.rmSync(shotPath(lang, scheme), { force: true });
    // the language chosen in the settings (lib/extension/settings.ts), read by every page before its first render
    await serviceWorker.evaluate(async (language) => chrome.storage.local.set({ settings: { language } }), lang);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.locator('html')).toHaveAttribute('lang', lang);
    await expect(popup.getByRole('tab', { name: historyTab })).toBeVisible();
    await expect(popup.getByTestId('credential')).toHaveCount(count);
    for (const scheme of SCHEMES) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: shotPath(lang, scheme) });
    }
    const texts = new Set(await popup.evaluate(shownTexts));
    await popup.getByTestId('credential').first().click();
    await expect(popup.getByTestId('credential-details')).toBeVisible();
    for (const text of await popup.evaluate(shownTexts)) texts.add(text);
    shown[lang] = texts;
    await popup.close();
  }
  await serviceWorker.evaluate(async () => chrome.storage.local.remove('settings'));

  for (const lang of Object.keys(LANGUAGES)) {
    for (const scheme of SCHEMES) {
      const file = shotPath(lang, scheme);
      expect(fs.existsSync(file), file).toBe(true);
      expect(pngSize(file)).toEqual({ width: 400, height: 600 });
    }
  }
  // the German and French popups show none of the English popup's words, except the credentials' own content
  const allowed = credentialStrings(await readTabResults<TabResults>(serviceWorker, tabId));
  const en = loadLocale('en');
  expect(shown.en!.size).toBeGreaterThan(20);
  for (const lang of ['de', 'fr'] as const) {
    expect(englishLeft(shown.en!, shown[lang]!, allowed, sameInBoth(en, loadLocale(lang))), lang).toEqual([]);
  }
  expect(shown.de).toContain('Bestätigt');
  // light and dark differ, so the colour scheme really changed
  expect(fs.readFileSync(shotPath('en', 'light')).equals(fs.readFileSync(shotPath('en', 'dark')))).toBe(false);
});
