/**
 * Results on the verify page, newest first. Every item carries
 * data-testid="credential" and data-verdict; one that could not be sent is
 * "unverifiable" (could not be checked), never anything better.
 */
import { CredentialDetails } from '../../components/CredentialDetails';
import { useTrust } from '../../components/HistoryView/use-trust';
import { t } from '../../lib/extension/i18n';
import { VerdictBadge } from '../../components/VerdictBadge';
import type { VerificationItem } from './use-verifications';
import styles from './style.module.css';

export function Results({ items }: { items: VerificationItem[] }) {
  const trust = useTrust();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="results-heading" aria-live="polite">
      <h2 id="results-heading">{t('verifyResults')}</h2>
      <ul class={styles.results}>
        {items.map((item) => (
          <li key={item.id} class={styles.result}>
            <p class={styles.source}>{item.label}</p>
            {item.status === 'pending' ? (
              <p data-testid="credential" data-verdict="pending">
                <VerdictBadge verdict="pending" />
              </p>
            ) : item.report ? (
              <>
                {item.historyWarning ? <p class={styles.warning} role="alert">{t('verifyNotSaved', item.historyWarning)}</p> : null}
                <div data-testid="credential" data-verdict={item.report.verdict}>
                  <CredentialDetails report={item.report} {...trust} />
                </div>
              </>
            ) : (
              <p data-testid="credential" data-verdict="unverifiable" class={styles.warning}>
                {t('verdict_unverifiable')}: {item.message}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
