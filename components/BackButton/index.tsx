import { t } from '../../lib/extension/i18n';
import styles from './style.module.css';

/** "← Back" from one credential to the page's list. */
export function BackButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" class={styles.back} onClick={onClick} aria-keyshortcuts="Escape">
      ← {t('back')}
    </button>
  );
}
