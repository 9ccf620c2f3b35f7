/** The verdict as word + icon + colour; used in rows, details and the history. */
import { t } from '../../lib/extension/i18n';
import { ICON_PATHS, verdictPresentation, type VerdictOrPending } from './presentation';
import styles from './style.module.css';

export interface VerdictBadgeProps {
  verdict: VerdictOrPending;
  /** `large` adds the one-sentence explanation under the word */
  size?: 'small' | 'large';
}

/** Renders one verdict; the icon carries the accessible name, the visible word is for sighted readers. */
export function VerdictBadge({ verdict, size = 'small' }: VerdictBadgeProps) {
  const p = verdictPresentation(verdict);
  const label = t(p.labelKey);
  return (
    <span class={`${styles.badge} ${styles[p.tone]} ${size === 'large' ? styles.large : ''}`} data-verdict={verdict}>
      <svg class={styles.icon} viewBox="0 0 24 24" role="img" aria-label={label} focusable="false">
        <path d={ICON_PATHS[p.icon]} />
      </svg>
      <span class={styles.word} aria-hidden="true">{label}</span>
      {size === 'large' && p.hintKey ? <span class={styles.hint}>{t(p.hintKey)}</span> : null}
    </span>
  );
}
