/** Export (CSV, JSON), import (JSON) and delete-all actions of the history view. */
import { useState } from 'preact/hooks';
import { historyToCsv } from '../../lib/extension/history/csv';
import { historyToJson, MAX_IMPORT_CHARS, parseHistoryJson } from '../../lib/extension/history/json-io';
import type { HistoryStore } from '../../lib/extension/history/store';
import { isStorageError } from '../../lib/extension/history/types';
import { codeMessage, t } from '../../lib/extension/i18n';
import { sendToBackground } from './send';
import { datedName, downloadText } from './download';
import styles from './style.module.css';

export interface ToolbarProps {
  store: HistoryStore;
  onChanged: () => void;
  onMessage: (text: string, isError?: boolean) => void;
}

export function Toolbar({ store, onChanged, onMessage }: ToolbarProps) {
  const [confirming, setConfirming] = useState(false);

  async function exportAs(kind: 'csv' | 'json') {
    const entries = await store.all();
    if (isStorageError(entries)) return onMessage(codeMessage(entries.error, entries.message), true);
    if (kind === 'csv') downloadText(historyToCsv(entries), datedName('credlens-history', 'csv'), 'text/csv;charset=utf-8');
    else downloadText(historyToJson(entries), datedName('credlens-history', 'json'), 'application/json');
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_CHARS) return onMessage(t('historyImportTooLarge'), true);
    const parsed = parseHistoryJson(await file.text());
    // the parser's reason names a field of the file in English: the recruiter gets the plain sentence
    if (!parsed.ok) return onMessage(t('historyImportInvalid'), true);
    const result = await store.addEntries(parsed.entries);
    if (isStorageError(result)) return onMessage(codeMessage(result.error, result.message), true);
    onMessage(t('historyImported', result.added, result.skipped));
    onChanged();
  }

  async function deleteAll() {
    setConfirming(false);
    // the background owns the database while it writes; ask it, and clear here too if it does not answer
    const sent = await sendToBackground({ type: 'history/clear' });
    const cleared = sent.ok ? undefined : await store.clear();
    if (cleared && isStorageError(cleared)) return onMessage(codeMessage(cleared.error, cleared.message), true);
    onMessage(t('historyCleared'));
    onChanged();
  }

  return (
    <div class={styles.toolbar}>
      <button type="button" onClick={() => void exportAs('csv')}>{t('historyExportCsv')}</button>
      <button type="button" onClick={() => void exportAs('json')}>{t('historyExportJson')}</button>
      <label class={styles.fileLabel}>
        {t('historyImportJson')}
        <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget)} />
      </label>
      {confirming ? (
        <span role="alertdialog" aria-label={t('historyDeleteAllConfirm')} class={styles.confirm}>
          {t('historyDeleteAllConfirm')}
          <button type="button" class={styles.danger} onClick={() => void deleteAll()}>{t('historyDeleteAllYes')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('historyCancel')}</button>
        </span>
      ) : (
        <button type="button" class={styles.danger} onClick={() => setConfirming(true)}>{t('historyDeleteAll')}</button>
      )}
    </div>
  );
}
