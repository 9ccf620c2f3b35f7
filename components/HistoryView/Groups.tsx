/** Candidates / pages in the history, to narrow the list and delete one candidate's entries. */
import { useState } from 'preact/hooks';
import type { HistoryGroup } from '../../lib/history/query';
import { t } from '../../lib/i18n';
import styles from './style.module.css';

export interface GroupsProps {
  groups: HistoryGroup[];
  selectedKey?: string;
  onSelect: (group: HistoryGroup | undefined) => void;
  onDelete: (group: HistoryGroup) => void;
}

export function Groups({ groups, selectedKey, onSelect, onDelete }: GroupsProps) {
  const [confirmKey, setConfirmKey] = useState<string>();
  const selected = groups.find((g) => g.key === selectedKey);
  return (
    <nav class={styles.groups} aria-label={t('historyGroups')}>
      <label>
        {t('historyCandidate')}
        <select value={selectedKey ?? ''} onChange={(e) => onSelect(groups.find((g) => g.key === e.currentTarget.value))}>
          <option value="">{t('historyAllCandidates', groups.length)}</option>
          {groups.map((g) => (
            <option value={g.key}>{`${g.key === 'other' ? t('historyOtherGroup') : g.label} (${g.count})`}</option>
          ))}
        </select>
      </label>
      {selected ? (
        confirmKey === selected.key ? (
          <span role="alertdialog" aria-label={t('historyDeleteGroupConfirm', selected.label)} class={styles.confirm}>
            {t('historyDeleteGroupConfirm', selected.key === 'other' ? t('historyOtherGroup') : selected.label)}
            <button type="button" class={styles.danger} onClick={() => (setConfirmKey(undefined), onDelete(selected))}>{t('historyDeleteAllYes')}</button>
            <button type="button" onClick={() => setConfirmKey(undefined)}>{t('historyCancel')}</button>
          </span>
        ) : (
          <button type="button" class={styles.danger} onClick={() => setConfirmKey(selected.key)}>{t('historyDeleteGroup', selected.count)}</button>
        )
      ) : null}
    </nav>
  );
}
