/**
 * The credential history: every verification kept on this device, grouped by
 * candidate, searchable and filterable, with re-verify, export and import.
 * Used as a popup tab and full-page in the options page.
 */
import { useMemo, useState } from 'preact/hooks';
import type { HistoryGroup } from '../../lib/extension/history/query';
import { historyStore } from '../../lib/extension/history/record';
import { isStorageError, type HistoryQuery, type HistorySummary } from '../../lib/extension/history/types';
import { codeMessage, t } from '../../lib/extension/i18n';
import { EntryDetails } from './EntryDetails';
import { Filters } from './Filters';
import { Groups } from './Groups';
import { HistoryRow, ROW_HEIGHT } from './HistoryRow';
import { Toolbar } from './Toolbar';
import { useHistory } from './use-history';
import { WindowedList } from './WindowedList';
import styles from './style.module.css';

export interface HistoryViewProps {
  /** `popup` keeps the list compact; `page` uses the full window height. */
  mode?: 'popup' | 'page';
}

const groupQuery = (g: HistoryGroup | undefined): Pick<HistoryQuery, 'profileName' | 'pageUrl'> =>
  !g ? {} : g.profileName ? { profileName: g.profileName } : { profileName: '', pageUrl: g.pageUrl ?? '' };

/** Lists past verifications with search, filters, re-verify, export and import. */
export function HistoryView({ mode = 'popup' }: HistoryViewProps) {
  const store = useMemo(() => historyStore(), []);
  const history = useHistory();
  const [groupKey, setGroupKey] = useState<string>();
  const [open, setOpen] = useState<HistorySummary>();
  const [notice, setNotice] = useState<{ text: string; error?: boolean }>();
  const listHeight = mode === 'page' ? 560 : 360;
  const message = (text: string, error?: boolean) => setNotice({ text, error });

  const selectGroup = (g: HistoryGroup | undefined) => {
    setGroupKey(g?.key);
    history.setQuery({ ...history.query, profileName: undefined, pageUrl: undefined, ...groupQuery(g) });
  };
  const deleteGroup = async (g: HistoryGroup) => {
    const r = await store.deleteGroup(g.key);
    if (isStorageError(r)) return message(codeMessage(r.error, r.message), true);
    message(t('historyDeletedCount', r));
    setOpen(undefined);
    selectGroup(undefined);
    history.reload();
  };

  const groups = (variant: 'list' | 'select') => (
    <Groups variant={variant} groups={history.groups} selectedKey={groupKey} onSelect={selectGroup} onDelete={(g) => void deleteGroup(g)} />
  );
  const toolbar = <Toolbar store={store} onChanged={() => (setOpen(undefined), history.reload())} onMessage={message} />;

  const details = open ? (
    <EntryDetails
      summary={open}
      store={store}
      onChanged={() => history.reload()}
      onClose={() => setOpen(undefined)}
    />
  ) : null;

  return (
    <section class={`${styles.history} ${mode === 'page' ? styles.page : styles.popup}`} aria-label={t('historyTitle')}>
      {mode === 'page' ? (
        <>
          <Filters query={history.query} onChange={history.setQuery} />
          {toolbar}
        </>
      ) : (
        <>
          <Filters query={history.query} onChange={history.setQuery} part="search" />
          <details class={styles.more}>
            <summary>{t('historyMoreTools')}</summary>
            <Filters query={history.query} onChange={history.setQuery} part="filters" />
            {groups('select')}
            {toolbar}
          </details>
        </>
      )}
      {history.error || notice ? (
        <p role="status" class={history.error || notice?.error ? styles.error : styles.notice}>
          {history.error ?? notice?.text}
        </p>
      ) : null}
      <div class={styles.body}>
        {mode === 'page' ? groups('list') : null}
        {mode === 'popup' && details ? null : (
          <div class={styles.list}>
            <p class={styles.count} aria-live="polite">{history.loading ? t('historyLoading') : t('historyCount', history.total)}</p>
            {history.total === 0 ? (
              history.loading ? null : <p class={styles.empty}>{t('historyEmpty')}</p>
            ) : (
              <WindowedList
                total={history.total}
                onRangeChange={history.ensureRange}
                rowHeight={ROW_HEIGHT}
                height={listHeight}
                label={t('historyTitle')}
                renderRow={(i) => {
                  const entry = history.entryAt(i);
                  return <HistoryRow entry={entry} selected={!!entry && entry.id === open?.id} onOpen={setOpen} />;
                }}
              />
            )}
          </div>
        )}
        {details}
      </div>
    </section>
  );
}
