/**
 * One found credential as a keyboard-focusable button: image, title, issuer,
 * date, recipient result, verdict. Its accessible name is its visible content
 * (the verdict through the icon's label), so nothing is hidden from screen readers.
 */
import { t } from '../../lib/extension/i18n';
import type { FoundCredential } from '../../lib/extension/tab-results';
import { partsSummary } from '../AchievementList/summary';
import { VerdictBadge } from '../VerdictBadge';
import { recipientKey, rowModel } from './row-model';
import styles from './style.module.css';

export interface CredentialRowProps {
  item: FoundCredential;
  onOpen: (key: string) => void;
}

export function CredentialRow({ item, onOpen }: CredentialRowProps) {
  const row = rowModel(item);
  // a CLR transcript is one row; its entries are counted here and listed in the details
  const parts = item.state === 'done' && item.report ? partsSummary(item.report) : undefined;
  return (
    <button
      type="button"
      class={styles.row}
      data-testid="credential"
      data-verdict={row.verdict}
      data-display={row.shown}
      data-key={row.key}
      onClick={() => onOpen(row.key)}
    >
      {row.image ? <img class={styles.image} src={row.image} alt="" /> : <span class={styles.placeholder} aria-hidden="true" />}
      <span class={styles.text}>
        <span class={`${styles.title} ${row.source === 'credential' ? '' : styles.claimed}`} data-source={row.source}>{row.title}</span>
        <span class={`${styles.meta} ${row.source === 'credential' ? '' : styles.claimed}`}>
          {row.issuer}
          {row.issued ? ` · ${t('issuedOn', row.issued)}` : ''}
        </span>
        {row.source === 'credential' ? null : (
          <span class={styles.source}>{t(row.source === 'page' ? 'claimAsPageSays' : 'claimUnconfirmed')}</span>
        )}
        {parts ? <span class={styles.meta} data-testid="parts-summary">{parts}</span> : null}
        {row.reason ? <span class={styles.reason}>{row.reason}</span> : null}
        {row.comparison ? (
          <span class={row.comparison.agrees ? styles.agrees : styles.differs} data-comparison={row.comparison.agrees ? 'matches' : 'differs'}>
            {row.comparison.text}
          </span>
        ) : null}
        {/* "issued to someone else" is said by the verdict badge itself, never as a line under a green badge */}
        {row.recipient && row.recipient !== 'mismatch' ? (
          <span class={`${styles.recipient} ${styles[row.recipient] ?? ''}`} data-recipient={row.recipient}>
            {t(recipientKey(row.recipient))}
          </span>
        ) : null}
      </span>
      <VerdictBadge verdict={row.shown} otherRecipient={row.recipient === 'mismatch'} />
    </button>
  );
}
