/**
 * The verdict with everything that qualifies it, in one place: what a
 * "verified" rests on (lib/extension/assurance.ts), the reason for any other
 * verdict in plain words, "issued to someone else" said in the badge itself,
 * and when revocation was checked. Nothing that qualifies a verdict sits
 * apart from it, so a green badge is never read without its caveats.
 */
import { checkMessage, t, uiLanguage } from '../../lib/extension/i18n';
import { type Report } from '../../lib/engine';
import { verifiedExplanation } from '../../lib/extension/assurance';
import { decidingCheck, isNotACredential, plainCheck, statusCheckedAt } from '../../lib/extension/report-view';
import { recipientKey } from '../CredentialRow/row-model';
import { VerdictBadge } from '../VerdictBadge';
import styles from './style.module.css';

/** A date and time in the UI language ("5 Dec 2026, 14:03"); the ISO text when the language has no format. */
export function formatDateTime(iso: string, language = uiLanguage()): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

export function VerdictArea({ report }: { report: Report }) {
  const notCredential = isNotACredential(report);
  const verified = verifiedExplanation(report);
  const deciding = decidingCheck(report);
  const outcome = report.recipient.outcome;
  const checkedAt = statusCheckedAt(report);
  return (
    <section class={styles.verdictArea} data-testid="verdict-area" data-recipient-outcome={outcome}>
      <VerdictBadge
        verdict={notCredential ? 'not-credential' : report.verdict}
        size="large"
        {...(verified ? { explanation: t(verified.key, verified.where) } : {})}
        otherRecipient={outcome === 'mismatch'}
      />
      {deciding ? <p class={styles.reason} data-testid="verdict-reason">{checkMessage(plainCheck(deciding))}</p> : null}
      {outcome === 'match' || outcome === 'no-identifier' ? (
        <p class={styles.recipient} data-recipient={outcome}>{t(recipientKey(outcome))}</p>
      ) : null}
      {checkedAt ? (
        <p class={styles.checkedAt} data-testid="status-checked-at">
          <time dateTime={checkedAt}>{t('revocationCheckedAt', formatDateTime(checkedAt))}</time>
        </p>
      ) : null}
    </section>
  );
}
