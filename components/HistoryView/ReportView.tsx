/**
 * A full verification report: verdict, display facts from the signed
 * payload, every check with its plain-language reason, and technical details
 * behind a toggle. Used by the history details and the verify page.
 */
import type { Check, Report } from '../../lib/report';
import { t } from '../../lib/i18n';
import styles from './style.module.css';

export interface ReportViewProps {
  report: Report;
  /** localised text of a check (lib/i18n checkMessage) */
  checkText: (check: Check) => string;
  /** `data-testid` for the root element ("credential" on the verify page) */
  testId?: string;
}

function Facts({ report }: { report: Report }) {
  const s = report.summary ?? {};
  const rows: Array<[string, string | undefined]> = [
    [t('reportIssuer'), s.issuer?.name ?? s.issuer?.id],
    [t('reportIssuerId'), s.issuer?.name ? s.issuer?.id : undefined],
    [t('reportSubject'), s.subject?.name ?? s.subject?.id],
    [t('reportValidFrom'), s.validFrom],
    [t('reportValidUntil'), s.validUntil],
    [t('reportFormat'), `${report.format} (${report.container})`],
    [t('reportRecipient'), report.recipient?.message],
    [t('reportInputHash'), report.inputHash],
  ];
  return (
    <dl class={styles.facts}>
      {rows.filter(([, v]) => v).map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

export function ReportView({ report, checkText, testId }: ReportViewProps) {
  return (
    <article class={styles.report} data-testid={testId} data-verdict={report.verdict}>
      <p>
        <span class={`${styles.verdict} ${styles[`verdict_${report.verdict}`] ?? ''}`}>{t(`verdict_${report.verdict}`)}</span>{' '}
        <strong>{report.summary?.title ?? report.inputName ?? t('historyUntitled')}</strong>
      </p>
      {report.summary?.description ? <p>{report.summary.description}</p> : null}
      <Facts report={report} />
      <h3>{t('reportChecks')}</h3>
      <ul class={styles.checks}>
        {report.checks.map((c) => (
          <li data-status={c.status}>
            <span class={styles[`check_${c.status}`]}>{t(`reportCheck_${c.status}`)}</span> {checkText(c)}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('reportTechnical')}</summary>
        <pre class={styles.technical}>{JSON.stringify({ checkedAt: report.checkedAt, technical: report.technical, checks: report.checks }, null, 2)}</pre>
      </details>
    </article>
  );
}
