/** One history entry in the windowed list (fixed height, see ROW_HEIGHT). */
import { formatDate, t } from '../../lib/extension/i18n';
import type { HistorySummary } from '../../lib/extension/history/types';
import { VerdictBadge } from '../VerdictBadge';
import styles from './style.module.css';

export const ROW_HEIGHT = 64;

export interface HistoryRowProps {
  entry: HistorySummary | undefined;
  selected: boolean;
  onOpen: (entry: HistorySummary) => void;
}

/** Short local date and time for the list, in the UI language. */
export const formatCheckedAt = (iso: string): string => formatDate(iso, 'dateTime') ?? iso;

export function HistoryRow({ entry, selected, onOpen }: HistoryRowProps) {
  if (!entry) return <div class={styles.rowPlaceholder} aria-hidden="true" />;
  const who = entry.profileName ?? entry.pageTitle ?? entry.pageUrl ?? t('historyNoCandidate');
  return (
    <button
      type="button"
      class={`${styles.row} ${selected ? styles.rowSelected : ''}`}
      data-testid="history-entry"
      data-verdict={entry.verdict}
      aria-pressed={selected}
      onClick={() => onOpen(entry)}
    >
      <span class={styles.rowVerdict}>
        <VerdictBadge verdict={entry.verdict} />
      </span>
      <span class={styles.rowMain}>
        <span class={styles.rowTitle}>{entry.title ?? t('historyUntitled')}</span>
        <span class={styles.rowMeta}>
          {[entry.issuerName ?? entry.issuerId, who, formatCheckedAt(entry.checkedAt)].filter(Boolean).join(' · ')}
        </span>
      </span>
      {entry.changes?.length || entry.changedSinceLast?.length ? <span class={styles.changed}>{t('historyChanged')}</span> : null}
    </button>
  );
}
