/** Each check in plain language, problems first. */
import { useId } from 'preact/hooks';
import { checkMessage, t } from '../../lib/extension/i18n';
import { type Check } from '../../lib/engine';
import { checkNameKey, groupChecks } from './group';
import styles from './style.module.css';

const STATUS_ICON: Record<Check['status'], string> = { pass: '✓', fail: '✗', error: '?', skip: '–' };

export function CheckList({ checks }: { checks: readonly Check[] }) {
  const headingId = useId();
  return (
    <section class={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} class={styles.heading}>{t('checksHeading')}</h3>
      <ul class={styles.list}>
        {groupChecks(checks).flatMap((group) =>
          group.checks.map((check, i) => (
            <li key={`${check.id}-${i}`} class={`${styles.check} ${styles[check.status]}`} data-status={check.status} data-code={check.code}>
              <span class={styles.icon} role="img" aria-label={t(`status_${check.status}`)}>{STATUS_ICON[check.status]}</span>
              <span>
                <span class={styles.name}>{t(checkNameKey(check.id))}</span>
                <span class={styles.message}>{checkMessage(check)}</span>
              </span>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
