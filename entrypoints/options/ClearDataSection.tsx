/**
 * Explains everything Credlens keeps on this device and deletes all of it:
 * history (IndexedDB), trust lists and settings (storage.local), cached keys
 * and status lists (storage.local / storage.session).
 */
import { browser } from 'wxt/browser';
import { useState } from 'preact/hooks';
import { sendToBackground } from '../../components/HistoryView/send';
import { historyStore } from '../../lib/extension/history/record';
import { isStorageError } from '../../lib/extension/history/types';
import { codeMessage, t } from '../../lib/extension/i18n';
import styles from './style.module.css';

/** Deletes every stored byte; returns an error message or undefined. */
export async function clearAllData(): Promise<string | undefined> {
  await sendToBackground({ type: 'history/clear' });
  // clear here as well, so the history is gone even if the background did not answer
  const cleared = await historyStore().clear();
  await browser.storage.local.clear();
  await browser.storage.session?.clear().catch(() => undefined);
  await sendToBackground({ type: 'settings/changed' });
  return isStorageError(cleared) ? codeMessage(cleared.error, cleared.message) : undefined;
}

export function ClearDataSection({ onCleared }: { onCleared: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();

  async function clear() {
    setConfirming(false);
    try {
      const problem = await clearAllData();
      setStatus(problem ? { text: problem, error: true } : { text: t('clearDone') });
      onCleared();
    } catch {
      setStatus({ text: t('clearFailed'), error: true });
    }
  }

  return (
    <section class={styles.section} aria-labelledby="clear-heading">
      <h2 id="clear-heading">{t('clearTitle')}</h2>
      <p>{t('clearIntro')}</p>
      <ul>
        <li>{t('clearHistory')}</li>
        <li>{t('clearTrust')}</li>
        <li>{t('clearSettings')}</li>
        <li>{t('clearCaches')}</li>
      </ul>
      <p class={styles.hint}>{t('clearNothingSent')}</p>
      {confirming ? (
        <p role="alertdialog" aria-label={t('clearConfirm')} class={styles.confirm}>
          {t('clearConfirm')}{' '}
          <button type="button" class={styles.danger} onClick={() => void clear()}>{t('clearConfirmYes')}</button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>{t('historyCancel')}</button>
        </p>
      ) : (
        <button type="button" class={styles.danger} onClick={() => setConfirming(true)}>{t('clearButton')}</button>
      )}
      {status ? <p role="status" class={status.error ? styles.error : styles.notice}>{status.text}</p> : null}
    </section>
  );
}
