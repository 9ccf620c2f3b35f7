/**
 * The current result of one credential in the history, with re-verify and
 * delete. The list holds summaries only; the report is read when the entry
 * opens. Re-verifying replaces the result (the same entry) and shows what
 * changed ("Revoked since last check"); the previous result is kept only as
 * "Previous result, <date>", collapsed and plain, never a second verdict badge.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Verdict } from '../../lib/engine';
import type { HistoryStore } from '../../lib/extension/history/store';
import { changeLines } from '../../lib/extension/history/changes';
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
    // Escape closes the entry (back to the list)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

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
    // the new check replaced this entry (one current result per credential): read it back
    const latest = await store.get(summary.id);
    if (isStorageError(latest)) return { text: codeMessage(latest.error, latest.message), error: true };
    if (!latest || latest.checkedAt !== report.checkedAt) return { text: t('historyReverifyNotStored'), error: true };
    setEntry(latest);
    const lines = changeLines(latest);
    onChanged(); // the entry moves to the top of the list with its new verdict
    return { text: lines.length ? t('historyReverifyChanged') : t('historyReverifyUnchanged'), lines };
  }

  /** the entry as last read (a re-check replaces it under the same id), else the summary the list gave */
  const shown: HistorySummary = entry ?? summary;

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
        {t('historyCheckedAt', formatDate(shown.checkedAt, 'dateTime') ?? '')}
        {shown.pageUrl ? <> · <PageLink url={shown.pageUrl} title={shown.pageTitle} /></> : null}
      </p>
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
      <PreviousResult entry={shown} />
    </section>
  );
}

/**
 * The check before the current one: its time, its verdict as a word (never
 * a badge: only the current result carries one) and what changed since.
 */
function PreviousResult({ entry }: { entry: Pick<HistorySummary, 'previousVerdict' | 'previousCheckedAt' | 'changes' | 'changedSinceLast'> }) {
  if (!entry.previousVerdict) return null;
  const lines = changeLines(entry);
  const when = entry.previousCheckedAt ? formatDate(entry.previousCheckedAt, 'dateTime') ?? '' : '';
  return (
    <details class={styles.previous} data-testid="previous-result">
      <summary>{when ? t('previousResult', when) : t('previousResult', '').replace(/[,\s]+$/, '')}</summary>
      <p>{t('previousResultVerdict', t(`verdict_${entry.previousVerdict satisfies Verdict}`))}</p>
      {lines.length ? (
        <>
          <p>{t('historyChangesSincePrevious')}</p>
          <ul>{lines.map((c) => <li>{c}</li>)}</ul>
        </>
      ) : null}
    </details>
  );
}
