/** The verdict as word + icon + colour; used in rows, details and the history. */
import { t } from '../../lib/extension/i18n';
import { ICON_PATHS, verdictPresentation, type ShownVerdict } from './presentation';
import styles from './style.module.css';

export interface VerdictBadgeProps {
  verdict: ShownVerdict;
  /** `large` adds the one-sentence explanation under the word */
  size?: 'small' | 'large';
  /** the explanation shown instead of the verdict's general one: what a "verified" rests on (lib/extension/assurance.ts) */
  explanation?: string;
  /**
   * The recipient check found someone else: said in the badge, with the
   * verdict word ("Verified — but issued to someone else") and in a warning
   * style, never as a separate line under a green badge.
   */
  otherRecipient?: boolean;
}

/** Renders one verdict; the icon carries the accessible name, the visible word is for sighted readers. */
export function VerdictBadge({ verdict, size = 'small', explanation, otherRecipient = false }: VerdictBadgeProps) {
  const p = verdictPresentation(verdict);
  const word = t(p.labelKey);
  const label = otherRecipient ? t('verdictButOtherRecipient', word) : word;
  const hint = explanation ?? (p.hintKey ? t(p.hintKey) : undefined);
  return (
    <span
      class={`${styles.badge} ${styles[p.tone]} ${size === 'large' ? styles.large : ''} ${otherRecipient ? styles.otherRecipient : ''}`}
      data-verdict={verdict}
      {...(otherRecipient ? { 'data-recipient': 'mismatch' } : {})}
    >
      <svg class={styles.icon} viewBox="0 0 24 24" role="img" aria-label={label} focusable="false">
        <path d={ICON_PATHS[p.icon]} />
      </svg>
      <span class={styles.word} aria-hidden="true">{label}</span>
      {size === 'large' && hint ? <span class={styles.hint} data-testid="verdict-explanation">{hint}</span> : null}
    </span>
  );
}
