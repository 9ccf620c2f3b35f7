/**
 * The full stored report of one history entry, with re-verify and delete.
 * The list holds summaries only; the report is read when the entry opens.
 * Re-verifying shows what changed since this check ("Revoked since last check").
 */
import { useEffect, useState } from 'preact/hooks';
import type { HistoryStore } from '../../lib/extension/history/store';
import { isStorageError, type HistoryEntry, type HistorySummary } from '../../lib/extension/history/types';
import { codeMessage, formatDate, t } from '../../lib/extension/i18n';
import { CredentialDetails } from '../CredentialDetails';
import { reportOf, sendToBackground } from './send';
import { useTrust } from './use-trust';
import styles from './style.module.css';

export interface EntryDetailsProps {
  summary: HistorySummary;
  store: HistoryStore;
  /** after a re-check or a deletion, so the list reloads */
  onChanged: () => void;
  onClose: () => void;
}

/** The page a check came from; a link only for http(s), since an imported history file could carry any scheme. */
function PageLink({ url, title }: { url: string; title?: string }) {
  const label = title ?? url;
  return /^https?:\/\//i.test(url) ? <a href={url} target="_blank" rel="noopener noreferrer">{label}</a> : <span>{label}</span>;
}

type Note = { text: string; lines?: string[]; error?: boolean };

export function EntryDetails({ summary, store, onChanged, onClose }: EntryDetailsProps) {
  const trust = useTrust();
  const [entry, setEntry] = useState<HistoryEntry>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>();

  useEffect(() => {
    setEntry(undefined);
    setNote(undefined);
    void store.get(summary.id).then((e) => (isStorageError(e) ? setNote({ text: codeMessage(e.error, e.message), error: true }) : setEntry(e)));
  }, [summary.id]);

  async function reverify(): Promise<Note> {
    const sent = await sendToBackground({ type: 'history/reverify', id: summary.id });
    if (!sent.ok) return { text: sent.message, error: true };
    const report = reportOf(sent.reply);
    if (!report) return { text: t('bgNoAnswer'), error: true };
    // the new check is stored under the hash of the input re-checked, which may differ from this entry's
    const latest = await store.latestFor(report.inputHash);
    if (isStorageError(latest)) return { text: codeMessage(latest.error, latest.message), error: true };
    if (!latest || latest.id === summary.id || latest.checkedAt !== report.checkedAt) return { text: t('historyReverifyNotStored'), error: true };
    const lines = latest.changedSinceLast ?? [];
    onChanged(); // the new check appears at the top of the list; this panel keeps the old one and the changes
    return { text: lines.length ? t('historyReverifyChanged') : t('historyReverifyUnchanged'), lines };
  }

  async function remove() {
    const r = await store.delete(summary.id);
    if (isStorageError(r)) return setNote({ text: codeMessage(r.error, r.message), error: true });
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
        {t('historyCheckedAt', formatDate(summary.checkedAt, 'dateTime') ?? '')}
        {summary.pageUrl ? <> · <PageLink url={summary.pageUrl} title={summary.pageTitle} /></> : null}
      </p>
      {summary.changedSinceLast?.length ? (
        <div class={styles.changes}>
          <strong>{t('historyChangesSincePrevious')}</strong>
          <ul>{summary.changedSinceLast.map((c) => <li>{c}</li>)}</ul>
        </div>
      ) : null}
      <div class={styles.toolbar}>
        <button type="button" disabled={busy} onClick={() => (setBusy(true), setNote(undefined), void reverify().then((n) => (setBusy(false), setNote(n))))}>
          {busy ? t('historyReverifying') : t('historyReverify')}
        </button>
        <button type="button" class={styles.danger} onClick={() => void remove()}>{t('historyDeleteOne')}</button>
      </div>
      {note ? (
        <div role="status" class={note.error ? styles.error : styles.notice} data-testid="reverify-result">
          {note.text}
          {note.lines?.length ? <ul>{note.lines.map((l) => <li>{l}</li>)}</ul> : null}
        </div>
      ) : null}
      {entry ? <CredentialDetails report={entry.report} {...trust} /> : null}
    </section>
  );
}
