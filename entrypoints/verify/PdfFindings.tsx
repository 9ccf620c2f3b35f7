/** What was found inside a PDF: credential links, signed tokens and attachments, each verifiable with one click. */
import type { PdfFinding } from '../../lib/pdf/scan';
import { t } from '../../lib/extension/i18n';
import styles from './style.module.css';

export interface PdfFindingsProps {
  name: string;
  findings: PdfFinding[];
  truncatedPages?: number;
  onVerify: (finding: PdfFinding) => void;
}

const shorten = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function PdfFindings({ name, findings, truncatedPages, onVerify }: PdfFindingsProps) {
  return (
    <section class={styles.pdf} aria-label={t('verifyPdfFound', name)}>
      <h3>{t('verifyPdfFound', name)}</h3>
      {truncatedPages ? <p class={styles.hint}>{t('verifyPdfTruncated', truncatedPages)}</p> : null}
      {findings.length === 0 ? (
        <p data-testid="pdf-empty">{t('verifyPdfNothing')}</p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li data-testid="pdf-finding" data-kind={f.kind}>
              <span class={styles.kind}>{t(`verifyPdfKind_${f.kind}`)}</span> <code title={f.value}>{shorten(f.value)}</code>{' '}
              <small>({f.page ? t('verifyPdfPage', f.page) : t('verifyPdfAttachment')})</small>{' '}
              <button type="button" onClick={() => onVerify(f)}>{t('verifyOne')}</button>
            </li>
          ))}
          {findings.length > 1 ? (
            <li>
              <button type="button" onClick={() => findings.forEach(onVerify)}>{t('verifyAll', findings.length)}</button>
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
