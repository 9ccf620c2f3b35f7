/** One found credential as a keyboard-focusable button: image, title, issuer, date, verdict. */
import { t } from '../../lib/i18n';
import type { FoundCredential } from '../../lib/tab-results';
import { VerdictBadge } from '../VerdictBadge';
import { verdictPresentation } from '../VerdictBadge/presentation';
import { recipientKey, rowModel } from './row-model';
import styles from './style.module.css';

export interface CredentialRowProps {
  item: FoundCredential;
  onOpen: (key: string) => void;
}

export function CredentialRow({ item, onOpen }: CredentialRowProps) {
  const row = rowModel(item);
  const verdictWord = t(verdictPresentation(row.verdict).labelKey);
  const label = t('rowLabel', row.title, row.issuer, verdictWord) + (row.recipient ? ` ${t(recipientKey(row.recipient))}.` : '');
  return (
    <button
      type="button"
      class={styles.row}
      data-testid="credential"
      data-verdict={row.verdict}
      data-key={row.key}
      aria-label={label}
      onClick={() => onOpen(row.key)}
    >
      {row.image ? <img class={styles.image} src={row.image} alt="" /> : <span class={styles.placeholder} aria-hidden="true" />}
      <span class={styles.text}>
        <span class={styles.title}>{row.title}</span>
        <span class={styles.meta}>
          {row.issuer}
          {row.issued ? ` · ${t('issuedOn', row.issued)}` : ''}
        </span>
        {row.recipient ? (
          <span class={`${styles.recipient} ${styles[row.recipient] ?? ''}`} data-recipient={row.recipient}>
            {t(recipientKey(row.recipient))}
          </span>
        ) : null}
      </span>
      <VerdictBadge verdict={row.verdict} />
    </button>
  );
}
