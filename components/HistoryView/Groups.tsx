/** Candidates / pages in the history, to narrow the list and delete one candidate's entries. */
import { useState } from 'preact/hooks';
import type { HistoryGroup } from '../../lib/extension/history/query';
import { t } from '../../lib/extension/i18n';
import styles from './style.module.css';

export interface GroupsProps {
  groups: HistoryGroup[];
  selectedKey?: string;
  onSelect: (group: HistoryGroup | undefined) => void;
  onDelete: (group: HistoryGroup) => void;
  /** `list`: a column of candidates (full page); `select`: a compact picker (popup) */
  variant?: 'list' | 'select';
}

const labelOf = (g: HistoryGroup) => (g.key === 'other' ? t('historyOtherGroup') : g.label);

function GroupList({ groups, selectedKey, onSelect }: Pick<GroupsProps, 'groups' | 'selectedKey' | 'onSelect'>) {
  return (
    <ul class={styles.groupList}>
      <li>
        <button type="button" aria-pressed={!selectedKey} onClick={() => onSelect(undefined)}>
          {t('historyAllCandidates', groups.length)}
        </button>
      </li>
      {groups.map((g) => (
        <li key={g.key}>
          <button type="button" aria-pressed={g.key === selectedKey} onClick={() => onSelect(g)} data-testid="history-group">
            <span>{labelOf(g)}</span> <span class={styles.groupCount}>{g.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function Groups({ groups, selectedKey, onSelect, onDelete, variant = 'select' }: GroupsProps) {
  const [confirmKey, setConfirmKey] = useState<string>();
  const selected = groups.find((g) => g.key === selectedKey);
  return (
    <nav class={variant === 'list' ? styles.groupColumn : styles.groups} aria-label={t('historyGroups')}>
      {variant === 'list' ? (
        <GroupList groups={groups} selectedKey={selectedKey} onSelect={onSelect} />
      ) : (
        <label>
          {t('historyCandidate')}
          <select value={selectedKey ?? ''} onChange={(e) => onSelect(groups.find((g) => g.key === e.currentTarget.value))}>
            <option value="">{t('historyAllCandidates', groups.length)}</option>
            {groups.map((g) => (
              <option value={g.key}>{`${labelOf(g)} (${g.count})`}</option>
            ))}
          </select>
        </label>
      )}
      {selected ? (
        confirmKey === selected.key ? (
          <span role="alertdialog" aria-label={t('historyDeleteGroupConfirm', labelOf(selected))} class={styles.confirm}>
            {t('historyDeleteGroupConfirm', labelOf(selected))}
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
