/**
 * The full stored report of one history entry, with re-verify and delete.
 * Re-verifying shows what changed since this check ("Revoked since last check").
 */
import { useState } from 'preact/hooks';
import type { HistoryStore } from '../../lib/history/store';
import { isStorageError, type HistoryEntry } from '../../lib/history/types';
import { t } from '../../lib/i18n';
import { CredentialDetails } from '../CredentialDetails';
import { useTrust } from './use-trust';
import { reportOf, sendToBackground } from './send';
import { formatCheckedAt } from './HistoryRow';
import styles from './style.module.css';

export interface EntryDetailsProps {
  entry: HistoryEntry;
  store: HistoryStore;
  onChanged: (replacement?: HistoryEntry) => void;
  onClose: () => void;
}

export function EntryDetails({ entry, store, onChanged, onClose }: EntryDetailsProps) {
  const trust = useTrust();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; lines?: string[]; error?: boolean }>();

  async function reverify() {
    setBusy(true);
    setNote(undefined);
    const sent = await sendToBackground({ type: 'history/reverify', id: entry.id });
    setBusy(false);
    if (!sent.ok) return setNote({ text: sent.message, error: true });
    const report = reportOf(sent.reply);
    if (!report) return setNote({ text: t('bgNoAnswer'), error: true });
    // the new check is stored under the hash of the input re-checked, which may differ from this entry's
    const latest = await store.latestFor(report.inputHash);
    if (isStorageError(latest)) return setNote({ text: latest.message, error: true });
    if (!latest || latest.id === entry.id || latest.checkedAt !== report.checkedAt) return setNote({ text: t('historyReverifyNotStored'), error: true });
    const lines = latest.changedSinceLast ?? [];
    setNote({ text: lines.length ? t('historyReverifyChanged') : t('historyReverifyUnchanged'), lines });
    onChanged(latest);
  }

  async function remove() {
    const r = await store.delete(entry.id);
    if (isStorageError(r)) return setNote({ text: r.message, error: true });
    onChanged();
    onClose();
  }

  return (
    <section class={styles.details} aria-label={t('historyDetails')}>
      <header class={styles.detailsHeader}>
        <h2>{t('historyDetails')}</h2>
        <button type="button" onClick={onClose} aria-label={t('historyClose')}>×</button>
      </header>
      <p class={styles.rowMeta}>
        {t('historyCheckedAt', formatCheckedAt(entry.checkedAt))}
        {entry.pageUrl ? <> · <a href={entry.pageUrl} target="_blank" rel="noopener noreferrer">{entry.pageTitle ?? entry.pageUrl}</a></> : null}
      </p>
      {entry.changedSinceLast?.length ? (
        <div class={styles.changes}>
          <strong>{t('historyChangesSincePrevious')}</strong>
          <ul>{entry.changedSinceLast.map((c) => <li>{c}</li>)}</ul>
        </div>
      ) : null}
      <div class={styles.toolbar}>
        <button type="button" onClick={() => void reverify()} disabled={busy}>{busy ? t('historyReverifying') : t('historyReverify')}</button>
        <button type="button" class={styles.danger} onClick={() => void remove()}>{t('historyDeleteOne')}</button>
      </div>
      {note ? (
        <div role="status" class={note.error ? styles.error : styles.notice} data-testid="reverify-result">
          {note.text}
          {note.lines?.length ? <ul>{note.lines.map((l) => <li>{l}</li>)}</ul> : null}
        </div>
      ) : null}
      <CredentialDetails report={entry.report} {...trust} />
    </section>
  );
}
