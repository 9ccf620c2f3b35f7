/**
 * "Scan every page", history retention and language. Scanning every page
 * needs the optional host permission https://*\/*, requested only when the
 * user switches it on (a permission request must come from a user gesture).
 */
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { LANGUAGES, type Settings } from '../../lib/extension/settings';
import styles from './style.module.css';

const ALL_HTTPS = { origins: ['https://*/*'] };

export interface SectionProps {
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<boolean>;
}

export function GeneralSection({ settings, save }: SectionProps) {
  const [retention, setRetention] = useState(String(settings.retentionDays));
  const [permissionNote, setPermissionNote] = useState<string>();

  useEffect(() => {
    // the permission can be withdrawn in the browser's extension settings; say so rather than pretend
    if (!settings.scanEveryPage) return;
    browser.permissions.contains(ALL_HTTPS).then(
      (has) => (has ? undefined : setPermissionNote(t('optionsScanNoPermission'))),
      () => undefined,
    );
  }, [settings.scanEveryPage]);

  async function toggleScan(input: HTMLInputElement) {
    const on = input.checked;
    setPermissionNote(undefined);
    if (!on) {
      await save({ scanEveryPage: false });
      // give the permission back: nothing needs it any more
      await browser.permissions.remove(ALL_HTTPS).catch(() => false);
      return;
    }
    let granted = false;
    try {
      granted = await browser.permissions.request(ALL_HTTPS);
    } catch {
      granted = false;
    }
    if (!granted) {
      input.checked = false; // the stored setting did not change, so nothing re-renders the box
      return setPermissionNote(t('optionsScanDenied'));
    }
    await save({ scanEveryPage: true });
  }

  async function changeLanguage(language: Settings['language']) {
    // strings are chosen before the first render (lib/extension/locale.ts): reload to show the new language
    if (await save({ language })) location.reload();
  }

  return (
    <section class={styles.section} aria-labelledby="general-heading">
      <h2 id="general-heading">{t('optionsGeneral')}</h2>
      <label class={styles.check}>
        <input type="checkbox" checked={settings.scanEveryPage} onChange={(e) => void toggleScan(e.currentTarget)} />
        {t('optionsScanEveryPage')}
      </label>
      <p class={styles.hint}>{t('optionsScanEveryPageHint')}</p>
      {permissionNote ? <p class={styles.error} role="alert">{permissionNote}</p> : null}
      <form
        class={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          void save({ retentionDays: Number(retention) });
        }}
      >
        <label>
          {t('optionsRetention')}
          <input type="number" min={1} max={3650} step={1} required value={retention} onInput={(e) => setRetention(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('optionsSave')}</button>
      </form>
      <label>
        {t('optionsLanguage')}
        <select value={settings.language} onChange={(e) => void changeLanguage(e.currentTarget.value as Settings['language'])}>
          {LANGUAGES.map((l) => (
            <option value={l}>{t(`optionsLanguage_${l}`)}</option>
          ))}
        </select>
      </label>
    </section>
  );
}
